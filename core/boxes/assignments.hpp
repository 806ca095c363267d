// Uppgifter's data: assignments a group's staff give, each pupil's hand-in and the
// thread between the pupil and the teacher about one assignment.
#pragma once
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "../date_time.hpp"
#include "../id.hpp"

namespace skolnav {

struct Assignment {
    Id id;
    Id group_id;
    std::string title;
    std::string description;
    Date due_date;
    int due_minutes = 0;     // time of day, minutes after midnight at the school
    UnixSeconds due_at = 0;  // the same instant
    std::vector<Id> attachment_ids;
    bool published = false;
    Id created_by;
    UnixSeconds created_at = 0, changed_at = 0;
};

// One pupil's hand-in of one assignment (a new hand-in replaces it until returned).
struct HandIn {
    Id assignment_id;
    Id pupil_id;
    std::string text;
    std::vector<Id> attachment_ids;
    UnixSeconds handed_in_at = 0;
    bool late = false;
    // Returned (assessed) by the teacher, with feedback.
    bool returned = false;
    std::string feedback;
    Id returned_by;
    UnixSeconds returned_at = 0;
};

struct AssignmentMessage {
    Id id;
    Id assignment_id;
    Id pupil_id;   // whose thread
    Id author_id;  // the pupil or a teacher
    std::string text;
    UnixSeconds sent_at = 0;
};

using AssignmentPupil = std::pair<Id, Id>;  // (assignment id, pupil id)

struct AssignmentState {
    std::map<Id, Assignment> assignments;
    std::map<AssignmentPupil, HandIn> hand_ins;
    std::map<AssignmentPupil, std::vector<AssignmentMessage>> threads;  // oldest first
};

}  // namespace skolnav

namespace skolnav {

struct State;
struct Person;

constexpr std::size_t kAssignmentTitleMaxChars = 200;
constexpr std::size_t kAssignmentDescriptionMaxChars = 10000;
constexpr std::size_t kAssignmentMessageMaxChars = 4000;
constexpr std::size_t kHandInTextMaxChars = 10000;
constexpr std::size_t kFeedbackMaxChars = 4000;

// "not_started", "handed_in", "late" or "returned".
std::string hand_in_status(const State& state, const Assignment& a, const Id& pupil_id);
// The attachment link id of a hand-in ("ASSIGNMENT:PUPIL").
std::string hand_in_link_id(const Id& assignment_id, const Id& pupil_id);

// Attachment rules (see attachments.cpp): may `viewer` read the assignment (its
// files) / this hand-in?
bool may_read_assignment(const State& state, const Person& viewer, const Id& assignment_id, UnixSeconds now);
bool may_read_hand_in(const State& state, const Person& viewer, const Id& hand_in_id, UnixSeconds now);

}  // namespace skolnav
