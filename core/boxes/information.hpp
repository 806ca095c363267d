// Information: news items, links and files published by staff to their groups, or by
// the school's admin to the whole school; each reader's read marks. (The publishing
// rules it shares with Kalender, Blogg and Planeringar are in core/publishing.hpp.)
#pragma once
#include <map>
#include <set>
#include <string>
#include <vector>

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

struct Person;

constexpr std::size_t kNewsTitleMaxChars = 200;
constexpr std::size_t kNewsBodyMaxChars = 20000;
constexpr std::size_t kNewsMaxLinks = 20;
constexpr std::size_t kLinkTitleMaxChars = 200;
constexpr std::size_t kLinkUrlMaxChars = 2000;

// Is `url` an absolute http(s) URL with a host and no spaces or control characters?
bool is_web_url(const std::string& url);

// Does news item `item` reach `pupil`?
bool news_reaches(const NewsItem& item, const Person& pupil);

}  // namespace skolnav
