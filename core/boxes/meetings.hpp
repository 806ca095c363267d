// Utvecklingssamtal: data. Staff offer meeting slots to one pupil's guardians or to a
// whole group (each slot bookable by any pupil of the group, one booking per pupil).
#pragma once
#include <map>
#include <set>
#include <string>
#include <vector>

#include "../date_time.hpp"
#include "../id.hpp"

namespace skolnav {

struct MeetingSlot {
    Id id;
    Id school_id;
    Id group_id;     // the group offered to (also set for a one-pupil slot: the pupil's group)
    Id pupil_id;     // one pupil's slot; empty: any pupil of the group
    UnixSeconds start = 0;
    int duration_minutes = 20;
    std::string place;
    Id staff_id;     // who holds the meeting
    UnixSeconds created_at = 0;
    // The booking, if any.
    Id booked_for;   // pupil id
    Id booked_by;    // guardian or adult pupil
    UnixSeconds booked_at = 0;

    UnixSeconds end() const { return start + static_cast<UnixSeconds>(duration_minutes) * 60; }
};

struct MeetingState {
    std::map<Id, MeetingSlot> slots;
    // Derived (apply and load keep them).
    std::map<Id, std::set<Id>> by_group;   // group -> slots offered to the whole group
    std::map<Id, std::set<Id>> by_pupil;   // pupil -> slots offered to that pupil alone
    std::map<Id, std::set<Id>> booked_by_pupil;  // pupil -> slots booked for them
};

}  // namespace skolnav

namespace skolnav {

struct State;
struct Person;

constexpr std::size_t kMeetingPlaceMaxChars = 100;

// The Utvecklingssamtal box is shown only while it has something: a slot the pupil can
// still book, or a booked meeting that has not ended. (For visible_boxes.)
bool meetings_box_active(const State& state, const Person& pupil, UnixSeconds now);
// May `viewer` see and book meetings for `pupil` (SPEC): in förskola and grundskola
// guardians; in gymnasieskola adult pupils themselves, guardians of pupils under 18,
// and guardians of adult pupils with insyn. The school must have the box enabled.
bool may_book_meetings(const State& state, const Person& viewer, const Person& pupil, const Date& today);
// The pupil's booked meeting that has not ended, if any.
const MeetingSlot* current_booking(const State& state, const Id& pupil_id, UnixSeconds now);

}  // namespace skolnav
