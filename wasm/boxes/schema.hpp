// Schema: the pupil's lessons by day and by week (GET /api/v1/pupils/{id}/timetable,
// ?date=YYYY-MM-DD for one day, ?week=2026-W49 for a week, nothing for the current week).
// Day view: the day's lessons in time order, the ongoing one marked. Week view: Monday to
// Friday (weekend days too when they have lessons), as time-positioned blocks in five
// columns on wide screens and as a list per day on a phone. Replies are kept per date
// while the view is open, so stepping back and forth does not ask again.
#pragma once
#include <map>
#include <set>
#include <string>
#include <vector>

#include "boxes/box.hpp"

namespace boxes {

struct SchemaLesson {
    std::string id, subject, date, start, end, room, teacher;
    std::string starts_at, ends_at;  // with the school's offset: "2026-11-30T08:10:00+01:00"
};

struct SchemaDay {
    std::string date;
    int weekday = 0;  // 1 = Monday
    std::vector<SchemaLesson> lessons;
};

class SchemaBox : public Box {
public:
    explicit SchemaBox(std::string pupil_id) : pupil_id_(std::move(pupil_id)) {}
    void draw_full_view(BoxContext& ctx, const app::Pupil& pupil) override;
    void on_open(BoxContext& ctx) override;

private:
    enum class View { Day, Week };

    // key: "" (the current week; tells today's date), "date=…" or "week=…".
    void fetch(BoxContext& ctx, const std::string& key);
    void take_reply(const app::Json& body, const std::string& key);
    // Draws the loading/error state for `key` and asks for it when nobody has; false
    // while the data is not there.
    bool ensure(BoxContext& ctx, const std::string& key, const char* what);

    void draw_controls();
    void draw_day(BoxContext& ctx);
    void draw_week(BoxContext& ctx);
    void draw_week_grid(const std::vector<const SchemaDay*>& days);
    void draw_week_list(const std::vector<const SchemaDay*>& days);
    void schedule_wake_up(const SchemaDay& day);

    std::string pupil_id_;
    unsigned generation_ = 0;  // replies to requests from an earlier visit are dropped

    View view_ = View::Day;
    std::string shown_day_;   // "2026-12-01"
    std::string shown_week_;  // "2026-W49"

    // From the server.
    bool known_ = false;  // the first reply arrived
    bool in_skolnav_ = true;
    std::string today_;
    std::map<std::string, SchemaDay> days_;  // by date
    std::set<std::string> weeks_;            // weeks whose seven days are all in days_
    std::set<std::string> pending_;          // keys asked for
    std::map<std::string, std::string> errors_;  // by key
};

}  // namespace boxes
