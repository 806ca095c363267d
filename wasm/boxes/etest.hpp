// eTest: the pupil's own digital tests (never shown to guardians; the server answers
// them 404). The list groups the tests as open now (with closing time), upcoming,
// submitted and closed. Taking an open test goes one question a page ("Fråga 2 av 4",
// single choice as radio rows, multiple choice as check rows, free text in a multi-line
// field), then a review page that points out unanswered questions before "Lämna in
// provet" and its confirmation. The server keeps no drafts: answers stay in this box
// and in the browser (localStorage, keyed by person and test) until they are submitted,
// once, so a reload or a lost connection loses none; handing in clears them.
// A submitted test shows when it was handed in and the answers, read-only.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "app/fetch_state.hpp"
#include "app/ui.hpp"
#include "boxes/box.hpp"

namespace boxes {

struct ETestQuestionView {
    std::string type;  // single | multiple | text
    std::string text;
    std::vector<std::string> options;
};

// What the pupil gave for one question (as the server returns it after submitting).
struct ETestGiven {
    std::vector<int> choices;
    std::string text;
};

struct ETestItem {
    std::string id, title, group, opens_at, closes_at, submitted_at;
    std::string status;  // open | upcoming | submitted | closed
    std::string instructions;
    int question_count = 0;
    std::vector<ETestQuestionView> questions;  // once fetched (none while upcoming)
    std::vector<ETestGiven> answers;           // once submitted
};

// The answers being written, kept until submitted.
struct ETestDraft {
    struct Answer {
        int single = -1;
        std::vector<bool> multiple;
        std::vector<char> text;  // a NUL-terminated buffer for the text field
    };
    std::vector<Answer> answers;
    int page = 0;           // the question shown
    bool reviewing = false; // the review page instead of a question
};

class ETestBox : public Box {
public:
    explicit ETestBox(std::string pupil_id) : pupil_id_(std::move(pupil_id)) {}
    void draw_full_view(BoxContext& ctx, const app::Pupil& pupil) override;
    void on_open(BoxContext& ctx) override;
    bool show_item(BoxContext& ctx, const std::string& item_id) override;
    bool item_missing() const override { return open_.gone; }

private:
    using Load = app::Load;

    void load(BoxContext& ctx);
    void open_test(BoxContext& ctx, const ETestItem& test);
    void fetch_test(BoxContext& ctx);
    void close_test();
    void submit(BoxContext& ctx);
    void set_list_entry(const ETestItem& test);
    ETestDraft& draft();
    void keep_draft(const ETestDraft& d);  // in the browser, when it changed
    void forget_draft(const std::string& test_id);
    bool answered(const ETestDraft& d, size_t question) const;
    std::vector<int> unanswered(const ETestDraft& d) const;

    void draw_list(BoxContext& ctx, const app::Pupil& pupil);
    bool draw_cards(const std::vector<const ETestItem*>& tests, const ETestItem** to_open);
    void draw_test(BoxContext& ctx);
    void draw_header();
    void draw_question(ETestDraft& d);
    void draw_review(BoxContext& ctx, ETestDraft& d);
    void draw_submitted();

    std::string pupil_id_;

    // The list.
    app::Fetch fetch_;
    bool load_not_found_ = false;
    std::vector<ETestItem> tests_;

    // The open test (empty id: the list is shown).
    app::OpenItem open_;
    ETestItem test_;
    app::ui::ListScroll scroll_;  // back to where the list was

    // Taking it.
    std::map<std::string, ETestDraft> drafts_;  // by test id
    std::map<std::string, std::string> kept_;   // what the browser holds of each, by test id
    std::string person_id_;                     // the signed-in person: their drafts' key
    bool confirming_ = false;
    bool submitting_ = false;
    std::string submit_error_;    // the server's refusal, next to the submit button
    std::string status_note_;     // said above the test after a refusal that changed its state
    std::string submitted_note_;  // "Provet är inlämnat." right after submitting
};

}  // namespace boxes
