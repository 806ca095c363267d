// Kalender: the school calendar week by week (types marked) and by month.
// Week: "Vecka 49" with the days måndag–fredag (weekend days only when something is on
// them), each with its events; today is highlighted. Month: a grid where days with events
// are marked, and the month's events listed below it. Tapping an event shows its
// description. Data: GET /api/v1/pupils/{pupil}/calendar?week=… (a week) or ?from=…&to=…
// (a month) — only what the view shows.
#pragma once
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "boxes/box.hpp"

namespace boxes {

struct CalendarEvent {
    std::string id, type, type_label, title, description;
    std::string date, end_date;          // ISO days; end_date == date for one day
    std::string start_time, end_time;    // "08:15" or empty (all day)
    std::string author, scope;           // "Lena Forsberg", "Hela skolan" / "7A"
};

class KalenderBox : public Box {
public:
    explicit KalenderBox(std::string pupil_id) : pupil_id_(std::move(pupil_id)) {}
    void draw_full_view(BoxContext& ctx, const app::Pupil& pupil) override;
    void on_open(BoxContext& ctx) override;
    // An event (its id): the week containing it, with the event open and framed.
    bool show_item(BoxContext& ctx, const std::string& item_id) override;
    bool item_missing() const override { return linked_missing_; }

private:
    enum class Mode { Week, Month };
    enum class Load { NotStarted, Loading, Ready, Failed };

    void load_week(BoxContext& ctx, const std::string& week);  // "" = this week at the school
    void load_month(BoxContext& ctx, int year, int month);
    void draw_tabs(BoxContext& ctx, bool narrow);
    void draw_week(BoxContext& ctx);
    void draw_month(BoxContext& ctx);
    void draw_month_grid(BoxContext& ctx);
    void draw_day(const std::string& iso, const std::vector<const CalendarEvent*>& events);
    void draw_event(const CalendarEvent& e);

    std::string pupil_id_;
    Mode mode_ = Mode::Week;
    std::string today_;  // the school's today, from the server

    // Week view: what is asked for, and what is shown.
    Load week_load_ = Load::NotStarted;
    std::string week_error_;
    unsigned week_seq_ = 0;
    std::string week_wanted_;  // "2026-W49"; "" = the current week
    bool week_shown_ = false;  // the fields below hold a reply
    std::string week_, week_from_, week_to_, previous_week_, next_week_;
    std::vector<CalendarEvent> week_events_;

    // Month view.
    Load month_load_ = Load::NotStarted;
    std::string month_error_;
    unsigned month_seq_ = 0;
    int month_year_ = 0, month_ = 0;             // asked for (0: follow the week shown)
    int shown_year_ = 0, shown_month_ = 0;       // what month_events_ hold
    std::vector<CalendarEvent> month_events_;

    std::set<std::string> open_events_;  // ids whose description is shown

    // The event the address names (GET …/calendar/{event} says which week it is in).
    std::string linked_;
    Load linked_load_ = Load::NotStarted;
    std::string linked_error_;
    bool linked_missing_ = false;  // not this pupil's: "Hittades inte"
    int linked_scroll_ = 0;        // frames left to bring it into view
    bool linked_framed_ = false;   // named by a link (framed), not opened by a tap here
    // A tap opened an event (its address) or closed the addressed one (the box's): told
    // to the app after the frame's drawing, as a new history entry.
    std::optional<std::string> tapped_address_;
};

}  // namespace boxes
