// eTest: data. Digital tests a teacher publishes to a group; each pupil takes and
// submits a test once, inside its open window. Never shown to guardians.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "../date_time.hpp"
#include "../id.hpp"

namespace skolnav {

enum class QuestionKind { Single, Multiple, Text };

struct ETestQuestion {
    QuestionKind kind = QuestionKind::Single;
    std::string text;
    std::vector<std::string> options;  // choice questions
    std::vector<int> correct;          // indexes into options (one for single choice)
};

struct ETest {
    Id id;
    Id group_id;
    std::string title, instructions;
    UnixSeconds opens_at = 0, closes_at = 0;
    std::vector<ETestQuestion> questions;
    bool published = false;
    Id created_by;
    UnixSeconds created_at = 0;
    UnixSeconds published_at = 0;
};

// A pupil's answer to one question: chosen options, or a text; both empty: skipped.
struct ETestAnswer {
    std::vector<int> choices;
    std::string text;
};

struct ETestSubmission {
    Id etest_id;
    Id pupil_id;
    std::vector<ETestAnswer> answers;  // one per question
    UnixSeconds submitted_at = 0;
};

struct ETestState {
    std::map<Id, ETest> tests;
    std::map<Id, std::map<Id, ETestSubmission>> submissions;  // test -> pupil -> submission
};

}  // namespace skolnav
