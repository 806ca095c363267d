// Utvecklingssamtal: book, change or cancel a development-talk time. A booked time is
// shown first ("Bokad tid") with "Byt tid" and "Avboka" (confirmed in place); the free
// times are listed by day with a "Boka" button each. The server decides who may book
// (a pupil under 18 never gets here) and never books a time twice (409).
#pragma once
#include <string>
#include <vector>

#include "app/fetch_state.hpp"
#include "boxes/box.hpp"

namespace boxes {

struct TalkTime {
    std::string id, date, start, end, place, staff;
    int duration_minutes = 0;
};

class UtvecklingssamtalBox : public Box {
public:
    explicit UtvecklingssamtalBox(std::string pupil_id) : pupil_id_(std::move(pupil_id)) {}
    void draw_full_view(BoxContext& ctx, const app::Pupil& pupil) override;
    void on_open(BoxContext& ctx) override;
    // A time (its slot id, what the notifications carry): the booked time or the free one,
    // framed.
    bool show_item(BoxContext& ctx, const std::string& item_id) override;
    // A time that is gone is not "Hittades inte": the view says so above today's times.
    bool item_missing() const override { return false; }

private:
    using Load = app::Load;

    void load(BoxContext& ctx);
    void book(BoxContext& ctx, const TalkTime& slot);
    void cancel(BoxContext& ctx);
    void draw_booking(BoxContext& ctx);
    void draw_free_times(BoxContext& ctx);

    std::string pupil_id_;
    app::Fetch fetch_;
    bool load_forbidden_ = false;

    // From the server.
    bool has_booking_ = false;
    TalkTime booking_;
    std::string booked_by_, booked_at_;
    bool can_change_ = false;
    std::vector<TalkTime> slots_;

    // What the guardian is doing.
    bool show_list_ = false;       // with a booking: the free times are open ("Byt tid")
    bool confirm_cancel_ = false;  // "Ja, avboka" / "Nej" shown
    std::string booking_slot_id_;  // a POST in flight for this slot
    bool cancelling_ = false;
    std::string booking_error_, booking_success_;  // near the booked time
    std::string list_error_;                       // near the free times (409 and others)

    // The time the address names: checked against the times once they have come.
    void find_linked();
    void frame_linked(float top);
    std::string linked_;
    bool linked_gone_ = false;     // neither booked nor free for this pupil any more
    int linked_scroll_ = 0;        // frames left to bring it into view
};

}  // namespace boxes
