// Frånvaro (absence): the pupil's reported absence, and for guardians and adult pupils a
// form to report today or tomorrow with an optional comment, and to withdraw a report
// before its day starts. The server decides what is allowed (can_report, can_withdraw).
#pragma once
#include <string>
#include <vector>

#include "app/fetch_state.hpp"
#include "boxes/box.hpp"

namespace boxes {

struct AbsenceReport {
    std::string id, date, comment, reported_by, reported_at;
    bool can_withdraw = false;
};

class FranvaroBox : public Box {
public:
    explicit FranvaroBox(std::string pupil_id) : pupil_id_(std::move(pupil_id)) {}
    void draw_full_view(BoxContext& ctx, const app::Pupil& pupil) override;
    void on_open(BoxContext& ctx) override;

private:
    using Load = app::Load;

    void load(BoxContext& ctx);
    void submit(BoxContext& ctx);
    void withdraw(BoxContext& ctx, const AbsenceReport& report);
    void draw_form(BoxContext& ctx);
    void draw_reports(BoxContext& ctx);

    std::string pupil_id_;
    app::Fetch fetch_;

    // From the server.
    std::string today_, tomorrow_;
    bool can_report_ = false;
    std::vector<AbsenceReport> reports_;

    // The form.
    int day_ = 0;  // 0 = today, 1 = tomorrow
    char comment_[512] = {};
    bool submitting_ = false;
    std::string form_error_, form_success_;

    // Withdrawing.
    std::string withdrawing_id_;
    std::string list_error_;
};

}  // namespace boxes
