// Frånvaro (absence): the pupil's reported absence, and for guardians and adult pupils a
// form to report today or tomorrow — the whole day, or chosen lessons where the school
// keeps its timetable in Skolnav — with an optional comment, and to withdraw a report
// before its day (or first lesson) starts; below, the absence teachers registered.
// The server decides what is allowed (can_report, can_withdraw, lessons' "reported").
#pragma once
#include <set>
#include <string>
#include <vector>

#include "app/fetch_state.hpp"
#include "boxes/box.hpp"

namespace boxes {

struct AbsenceLesson {
    std::string id, subject, start, end;
    bool reported = false;  // a report already covers it (only in the lists to choose from)
};

struct AbsenceReport {
    std::string id, date, comment, reported_by, reported_at;
    std::vector<AbsenceLesson> lessons;  // empty: the whole day
    bool can_withdraw = false;
};

// Absence a teacher registered: the whole day or one lesson, valid or not.
struct RegisteredAbsence {
    std::string id, date, note, registered_by, registered_at;
    bool whole_day = true;
    AbsenceLesson lesson;
    int minutes = 0;
    bool valid = false;
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
    void draw_lesson_choice();
    void draw_reports(BoxContext& ctx);
    void draw_registered();
    const std::vector<AbsenceLesson>& chosen_day_lessons() const;

    std::string pupil_id_;
    app::Fetch fetch_;

    // From the server.
    std::string today_, tomorrow_;
    bool can_report_ = false;
    bool timetable_in_skolnav_ = false;
    std::vector<AbsenceLesson> lessons_today_, lessons_tomorrow_;
    std::vector<AbsenceReport> reports_;
    std::vector<RegisteredAbsence> registered_;

    // The form.
    int day_ = 0;  // 0 = today, 1 = tomorrow
    bool some_lessons_ = false;  // "Vissa lektioner" rather than "Hela dagen"
    std::set<std::string> chosen_lessons_;  // lesson ids ticked (either day: ids differ)
    char comment_[512] = {};
    bool submitting_ = false;
    std::string form_error_, form_success_;

    // Withdrawing.
    std::string withdrawing_id_;
    std::string list_error_;
};

}  // namespace boxes
