// Information: news items, links and files published by staff to their groups, or by
// the school's admin to the whole school; each reader's read marks.
//
// Also the publishing helpers the other published-content boxes share (Kalender,
// Blogg, Planeringar): an item belongs to a school and either some of its groups or
// the whole school (no groups), and only someone who may publish to those groups may
// change it.
#pragma once
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "../date_time.hpp"
#include "../id.hpp"

namespace skolnav {

struct NewsLink {
    std::string title;
    std::string url;  // http:// or https://
};

struct NewsItem {
    Id id;
    Id school_id;
    std::vector<Id> group_ids;  // empty: the whole school
    std::string title;
    std::string body;
    std::vector<NewsLink> links;
    std::vector<Id> attachment_ids;  // uploads (attachments module)
    Id author_id;
    UnixSeconds published_at = 0;
    UnixSeconds changed_at = 0;  // 0: never changed
};

struct InformationState {
    std::map<Id, NewsItem> items;
    std::map<Id, std::set<Id>> read_by;  // item id -> people who opened it
};

}  // namespace skolnav

namespace skolnav {

struct State;
struct Person;
struct School;
class RequestBody;

constexpr std::size_t kNewsTitleMaxChars = 200;
constexpr std::size_t kNewsBodyMaxChars = 20000;
constexpr std::size_t kNewsMaxLinks = 20;
constexpr std::size_t kLinkTitleMaxChars = 200;
constexpr std::size_t kLinkUrlMaxChars = 2000;
constexpr std::size_t kMaxAttachments = 10;

// Is `url` an absolute http(s) URL with a host and no spaces or control characters?
bool is_web_url(const std::string& url);

// Does news item `item` reach `pupil`?
bool news_reaches(const NewsItem& item, const Person& pupil);

// --- Publishing helpers shared by Information, Kalender, Blogg and Planeringar -------

// The school in a staff route's path: 404 unless the caller is staff or admin there.
const School& school_for_staff(const State& state, const Id& school_id, const Person& me);
// "group_ids" from a request body: a list of distinct group ids (empty: whole school).
std::vector<Id> read_group_ids(const RequestBody& body);
// Throws unless `me` may publish to these groups of the school: 400 (field group_ids)
// for a group that is not the school's, 403 for groups that are not the caller's or
// the whole school by a non-admin.
void require_may_publish(const State& state, const Person& me, const Id& school_id, const std::vector<Id>& group_ids);
// An existing item at `school_id` for `group_ids`, changed or deleted by `me`: 404 if
// `me` does not even see it from the staff side (not staff at the school, or none of
// its groups is theirs), 403 if they see it but may not change it.
void require_may_change(const State& state, const Person& me, const Id& school_id, const std::vector<Id>& group_ids);
// Does `me` see an item of the school for these groups from the staff side (the
// school's admin: all; staff there: whole-school items and their groups' items)?
bool staff_sees(const State& state, const Person& me, const Id& school_id, const std::vector<Id>& group_ids);
// Every pupil an item for these groups reaches (empty groups: every pupil of the school).
std::vector<Id> audience_of(const State& state, const Id& school_id, const std::vector<Id>& group_ids);
// {"whole_school": bool, "groups": [{"id","name"}]} for the wire.
nlohmann::json scope_json(const State& state, const std::vector<Id>& group_ids);
// {"id","name"} of a person (name empty if unknown).
nlohmann::json person_ref(const State& state, const Id& id);
// Instants on the wire: local ISO time at the school.
std::string school_time(const School& school, UnixSeconds t);
// "fre 13 dec" — short Swedish date for start-page cards.
std::string swedish_short_date(const Date& d);

// The first `weekday` (1 = Monday) at least `at_least_days` after `from`.
Date next_weekday(const Date& from, int weekday, int at_least_days);
// Demo dates News and Kalender agree on: the grundskola/gymnasium study day (a Friday)
// and the preschool's planning day (a Monday).
Date demo_study_day(const Date& today);
Date demo_planning_day(const Date& today);

}  // namespace skolnav
