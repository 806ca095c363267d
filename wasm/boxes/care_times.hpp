// Tidsregistrering (förskola) and Fritidsschema (grundskola fritids): one view for both.
// A week of the school days the server returns, with week navigation; per day the
// arrival and pick-up times ("Lämning"/"Hämtning"), the guardian's comment, the staff's
// comment (marked as theirs) and whether the day is locked. A guardian changes one day
// at a time in place: times typed as HH:MM (or stepped by 15 minutes), a comment, save,
// or "Ingen omsorg" to remove the day's times. The server decides what may be changed
// (opening hours, locked days, how far ahead); its refusal is shown at the day.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "app/fetch_state.hpp"
#include "boxes/box.hpp"

namespace boxes {

struct CareDay {
    std::string date;              // "2026-12-03"
    std::string arrival, pickup;   // "07:30"; empty when no times are registered
    std::string comment;           // the guardian's
    std::string staff_comment, staff_name;
    bool locked = false;
    bool can_edit = false;
    bool has_times() const { return !arrival.empty() && !pickup.empty(); }
};

class CareTimesBox : public Box {
public:
    // wire_name: "tidsregistrering" (förskola) or "fritidsschema" (fritids); only the
    // wording differs.
    CareTimesBox(std::string pupil_id, std::string wire_name);
    void draw_full_view(BoxContext& ctx, const app::Pupil& pupil) override;
    void on_open(BoxContext& ctx) override;
    // A day ("2026-11-30", what the staff-comment notifications carry): its week, the
    // day framed.
    bool show_item(BoxContext& ctx, const std::string& item_id) override;

private:
    using Load = app::Load;

    // What happened to a day the guardian changed, shown in that day's panel.
    struct DayNote {
        std::string text;
        bool error = false;
    };

    void load(BoxContext& ctx, const std::string& week);
    void start_editing(const CareDay& day);
    void save(BoxContext& ctx, const std::string& date);
    void remove_times(BoxContext& ctx, const std::string& date);
    CareDay* find_day(const std::string& date);

    void draw_intro(const app::Pupil& pupil);
    void draw_week_navigation(BoxContext& ctx, bool narrow);
    void draw_day(BoxContext& ctx, CareDay& day, bool narrow);
    void draw_day_details(const CareDay& day);
    void draw_staff_comment(const CareDay& day);
    void draw_editor(BoxContext& ctx, CareDay& day, bool narrow);
    bool time_field(const char* label, const char* earlier, const char* later, char* buffer, size_t size,
                    int fallback_minutes);

    std::string pupil_id_;
    bool preschool_ = true;

    app::Fetch fetch_;
    bool load_forbidden_ = false;
    std::string requested_week_;  // "" = the current week

    // From the server (the week on screen).
    std::string week_, from_, to_, today_;
    std::string open_, close_;  // opening hours "06:30", "18:00"
    bool may_edit_ = false;     // the signed-in user registers times (guardians)
    std::vector<CareDay> days_;

    // The day being changed (one at a time) and its fields.
    std::string editing_;
    char arrival_[16] = "";
    char pickup_[16] = "";
    char comment_[2048] = "";
    std::string busy_date_;  // a PUT or DELETE in flight for this day
    bool busy_removing_ = false;
    std::map<std::string, DayNote> notes_;  // by date
    std::string linked_;     // the day the address names
    int linked_scroll_ = 0;  // frames left to bring it into view
};

}  // namespace boxes
