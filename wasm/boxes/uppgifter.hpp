// Uppgifter: the pupil's assignments. The list groups them by what is left to do —
// "Att göra" (with the due time; overdue said in words), "Inlämnade" and "Bedömda" —
// each with its group and teacher. Opening one fetches it with the teacher's files, the
// pupil's hand-in and the thread with the teacher. The pupil writes in the thread and
// hands in files chosen in the browser's file dialog (each uploaded first, then linked
// to the hand-in); guardians read only (the server says so: can_write, can_hand_in).
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "boxes/box.hpp"

namespace boxes {

struct AssignmentFile {
    std::string id, filename, url;
    long long size = 0;  // bytes
};

struct AssignmentMessage {
    std::string id, author, text, sent_at;
    bool from_pupil = false;  // else from a teacher
};

struct AssignmentHandIn {
    std::string text, handed_in_at, feedback, returned_by, returned_at;
    std::vector<AssignmentFile> files;
    bool late = false, returned = false;
};

struct Assignment {
    std::string id, title, description, group, teacher, due_at;
    std::string status;    // not_started | handed_in | late | returned
    bool overdue = false;  // not handed in and the due time has passed
    std::vector<AssignmentFile> files;  // from the teacher
    bool has_hand_in = false;
    AssignmentHandIn hand_in;
    int message_count = 0;
    std::vector<AssignmentMessage> messages;  // oldest first; only in the opened one
    bool can_write = false, can_hand_in = false;
};

// A file in the hand-in form: chosen in the browser (its bytes wait to be sent), or
// already on the server (kept from the earlier hand-in, or sent before a refusal).
struct HandInDraftFile {
    std::string name, type, bytes, attachment_id;
    long long size = 0;
    bool refused = false;  // the server did not take it (the reason is in the form's note)
    bool kept = false;     // from the earlier hand-in
};

class UppgifterBox : public Box {
public:
    explicit UppgifterBox(std::string pupil_id) : pupil_id_(std::move(pupil_id)) {}
    void draw_full_view(BoxContext& ctx, const app::Pupil& pupil) override;
    void on_open(BoxContext& ctx) override;
    bool show_item(BoxContext& ctx, const std::string& item_id) override;
    bool item_missing() const override { return open_gone_; }

private:
    enum class Load { NotStarted, Loading, Ready, Failed };
    enum class HandInStep { Idle, Uploading, Saving };

    void load(BoxContext& ctx);
    void open_assignment(const Assignment& a);
    void fetch_assignment();
    void close_assignment();
    void update_in_list(const Assignment& a);
    void send_message(BoxContext& ctx);
    void choose_file();
    void reset_hand_in_form();
    void start_hand_in_again();
    void hand_in();
    void upload_next();
    void cancel_upload();
    void save_hand_in();

    void draw_list(BoxContext& ctx, const app::Pupil& pupil);
    void draw_assignment(BoxContext& ctx, const app::Pupil& pupil);
    void draw_hand_in(BoxContext& ctx, const app::Pupil& pupil);
    void draw_hand_in_form();
    void draw_thread(BoxContext& ctx, const app::Pupil& pupil);

    std::string pupil_id_;
    app::ApiClient* api_ = nullptr;  // set each frame: replies continue a hand-in with it
    std::shared_ptr<int> alive_ = std::make_shared<int>(0);  // outlived by a file dialog's answer?

    // The list.
    Load load_ = Load::NotStarted;
    std::string load_error_;
    bool loaded_once_ = false;
    std::vector<Assignment> assignments_;
    bool can_write_ = false;

    // The open assignment (empty id: the list is shown).
    std::string open_id_;
    Assignment open_;
    Load open_load_ = Load::NotStarted;
    std::string open_error_;
    bool open_gone_ = false;
    float list_scroll_ = 0;
    bool scroll_pending_ = false;
    float scroll_to_ = 0;

    // The thread's form.
    char message_[16384] = {};
    bool sending_message_ = false;
    std::string message_error_, message_success_;

    // The hand-in form.
    bool form_open_ = false;  // "Lämna in igen" pressed (without a hand-in it is always shown)
    std::vector<HandInDraftFile> draft_files_;
    char hand_in_text_[40960] = {};
    HandInStep step_ = HandInStep::Idle;
    std::string step_file_;  // the file being sent, as shown
    int upload_id_ = 0;      // the upload under way (ApiClient::cancel_upload), 0: none
    double upload_sent_ = 0, upload_total_ = 0;  // its bytes sent so far, of all
    std::string hand_in_note_;  // "Inlämningen avbröts …" after "Avbryt" during the upload
    std::string hand_in_error_, hand_in_success_;
};

}  // namespace boxes
