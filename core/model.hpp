// The domain's data: plain structs, as the store keeps them.
//
//  Municipality  -> Schools (förskola, grundskola, gymnasieskola; each enables its boxes)
//  School        -> Groups (classes, preschool departments)
//  Person        -> one record per person: guardian, pupil (or preschool child), staff,
//                   school admin; guardians are linked to their children
//  Session       -> a signed-in browser, stored by the digest of its token; shown to
//                   its person by a separate random public id (sessions.hpp)
//  boxes/*.hpp   -> each box's own data (absence reports, news, lessons, …), one
//                   header per box module, gathered into State at the bottom
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "date_time.hpp"
#include "id.hpp"

namespace skolnav {

enum class SchoolForm { Forskola, Grundskola, Gymnasieskola };
enum class Role { Guardian, Pupil, Staff, SchoolAdmin };

// The boxes of the start page (SPEC.md). Their wire names are the Swedish box names in
// lower-case ASCII: "franvaro", "information", …
enum class Box {
    Franvaro, Information, Kalender, Kontaktlista, Dokumentation, Blogg, Tidsregistrering,
    Utvecklingssamtal, Bedomningar, ETest, Fritidsschema, Planeringar, Schema, Uppgifter
};

struct School {
    Id id;
    std::string name;
    SchoolForm form = SchoolForm::Grundskola;
    std::string time_zone = "Europe/Stockholm";
    std::vector<Box> enabled_boxes;  // in start-page order
};

struct Group {
    Id id;
    Id school_id;
    std::string name;            // "3B", "Blåklockan", "NA22a"
    std::vector<Id> staff_ids;   // staff who teach or work with the group
    Id mentor_id;                // klassföreståndare / mentor, one of staff_ids
};

struct Person {
    Id id;
    Role role = Role::Guardian;
    std::string first_name, last_name;
    std::string username;       // empty: cannot sign in (e.g. a preschool child)
    std::string password_hash;  // argon2id string; empty: no password sign-in
    std::string personal_number;  // personnummer, 12 digits ("YYYYMMDDNNNC"); empty: no BankID sign-in
    std::string email, phone;
    Id school_id;               // pupils, staff, admins
    Id group_id;                // pupils; staff's main group
    std::optional<Date> birth_date;  // pupils
    bool insyn_consent = false;      // adult pupils: guardians may see their school data
    std::vector<Id> children;        // guardians: their children's person ids

    std::string full_name() const { return first_name + " " + last_name; }
};

struct Session {
    std::string token_digest;
    std::string id;  // public: what the person's session list shows and ends; never the token or its digest
    Id person_id;
    UnixSeconds created_at = 0, expires_at = 0;
    UnixSeconds last_used_at = 0;   // coarse: updated at most every few minutes (sessions.hpp)
    std::string browser, platform;  // from the User-Agent at sign-in ("Chrome", "Windows"); "" unknown
};

}  // namespace skolnav

#include "boxes/absence.hpp"
#include "boxes/assessments.hpp"
#include "boxes/assignments.hpp"
#include "boxes/attachments.hpp"
#include "boxes/blog.hpp"
#include "boxes/calendar.hpp"
#include "boxes/calendar_feed.hpp"
#include "boxes/care_times.hpp"
#include "boxes/contacts.hpp"
#include "boxes/documentation.hpp"
#include "boxes/etests.hpp"
#include "boxes/information.hpp"
#include "boxes/meetings.hpp"
#include "boxes/notifications.hpp"
#include "boxes/plans.hpp"
#include "boxes/timetable.hpp"

namespace skolnav {

struct State {
    std::string municipality_name;
    std::map<Id, School> schools;
    std::map<Id, Group> groups;
    std::map<Id, Person> people;
    std::map<std::string, Id> username_index;  // derived from people
    std::map<std::string, Id> personal_number_index;  // derived from people (BankID sign-in)
    std::map<std::string, Session> sessions;  // by token digest
    std::uint64_t next_id = 1;                // for ids the store hands out
    std::map<Id, std::vector<Id>> group_members;  // derived: group id -> pupil ids
    std::map<Id, std::vector<Id>> guardians_of;   // derived: pupil id -> guardian ids

    // Each box module's data.
    AbsenceState absence;
    NotificationState notifications;
    AttachmentState attachments;
    InformationState information;
    CalendarState calendar;
    BlogState blog;
    TimetableState timetable;
    PlanState plans;
    AssessmentState assessments;
    ETestState etests;
    AssignmentState assignments;
    DocumentationState documentation;
    CareTimeState care_times;
    MeetingState meetings;
    ContactState contacts;
    CalendarFeedState calendar_feeds;
};

}  // namespace skolnav
