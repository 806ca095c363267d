// Information: news items (title, text, links, files) that staff publish to their
// groups and a school's admin to the whole school. Readers see the items that reach
// the pupil, newest first, each read or unread for them; opening an item marks it read
// (a journaled event) and clears its notification.
//   GET    /api/v1/pupils/{pupil}/news           the pupil's news, with read marks
//   GET    /api/v1/pupils/{pupil}/news/{item}    one item; marks it read for the caller
//   GET    /api/v1/schools/{school}/news         staff: the items they see, can_change
//   POST   /api/v1/schools/{school}/news         staff: publish (notifies, kind "news")
//   PUT    /api/v1/news/{item}                   staff: change (notifies, "news_changed")
//   DELETE /api/v1/news/{item}                   staff: delete
#include "core/boxes/information.hpp"

#include <algorithm>
#include <cctype>

#include "core/boxes/attachments.hpp"
#include "core/api_error.hpp"
#include "core/box_module.hpp"
#include "core/json_mapping.hpp"
#include "core/notifications.hpp"
#include "core/permissions.hpp"
#include "core/publishing.hpp"
#include "core/pupil_access.hpp"
#include "core/request_body.hpp"

namespace skolnav {

bool is_web_url(const std::string& url) {
    std::string lower;
    for (char c : url.substr(0, 8)) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::size_t start;
    if (lower.rfind("https://", 0) == 0) start = 8;
    else if (lower.rfind("http://", 0) == 0) start = 7;
    else return false;
    for (unsigned char c : url)
        if (c <= 0x20 || c == 0x7F) return false;
    const std::size_t end = url.find_first_of("/?#", start);
    const std::string authority = url.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (authority.empty() || authority.find('@') != std::string::npos) return false;
    std::string host = authority, port;
    if (host.front() == '[') {  // [IPv6]:port
        const auto close = host.find(']');
        if (close == std::string::npos || close == 1) return false;
        for (char c : host.substr(1, close - 1))
            if (!std::isxdigit(static_cast<unsigned char>(c)) && c != ':' && c != '.') return false;
        const std::string after = host.substr(close + 1);
        if (!after.empty()) {
            if (after.front() != ':') return false;
            port = after.substr(1);
            if (port.empty()) return false;
        }
        host = host.substr(0, close + 1);
    } else {
        if (const auto colon = host.find(':'); colon != std::string::npos) {
            port = host.substr(colon + 1);
            host = host.substr(0, colon);
            if (port.empty()) return false;
        }
        if (host.empty() || host.front() == '.' || host.front() == '-') return false;
        for (unsigned char c : host)
            if (!(std::isalnum(c) || c == '-' || c == '.' || c >= 0x80)) return false;
    }
    if (port.size() > 5) return false;
    for (char c : port)
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    return true;
}

bool news_reaches(const NewsItem& item, const Person& pupil) {
    return reaches_pupil(pupil, item.school_id, item.group_ids);
}

// --- Storage form ---------------------------------------------------------------------

void to_json(json& j, const NewsLink& l) { j = {{"title", l.title}, {"url", l.url}}; }
void from_json(const json& j, NewsLink& l) {
    l.title = j.at("title").get<std::string>();
    l.url = j.at("url").get<std::string>();
}

void to_json(json& j, const NewsItem& n) {
    j = {{"id", n.id},
         {"school_id", n.school_id},
         {"group_ids", n.group_ids},
         {"title", n.title},
         {"body", n.body},
         {"links", n.links},
         {"attachment_ids", n.attachment_ids},
         {"author_id", n.author_id},
         {"published_at", n.published_at},
         {"changed_at", n.changed_at}};
}
void from_json(const json& j, NewsItem& n) {
    n.id = j.at("id").get<std::string>();
    n.school_id = j.at("school_id").get<std::string>();
    n.group_ids = j.at("group_ids").get<std::vector<Id>>();
    n.title = j.at("title").get<std::string>();
    n.body = j.at("body").get<std::string>();
    n.links = j.at("links").get<std::vector<NewsLink>>();
    n.attachment_ids = j.at("attachment_ids").get<std::vector<Id>>();
    n.author_id = j.at("author_id").get<std::string>();
    n.published_at = j.at("published_at").get<UnixSeconds>();
    n.changed_at = j.at("changed_at").get<UnixSeconds>();
}

namespace {

// --- Reading request bodies -----------------------------------------------------------

bool has_control_chars(const std::string& s) {
    for (unsigned char c : s)
        if (c < 0x20 || c == 0x7F) return true;
    return false;
}

std::vector<NewsLink> read_links(const RequestBody& body) {
    std::vector<NewsLink> out;
    if (!body.has("links")) return out;
    const json& v = body.raw("links");
    if (!v.is_array())
        throw bad_request("links", "Fältet links ska vara en lista med länkar.", "The field links must be a list of links.");
    if (v.size() > kNewsMaxLinks)
        throw bad_request("links", "Högst " + std::to_string(kNewsMaxLinks) + " länkar per nyhet.",
                          "At most " + std::to_string(kNewsMaxLinks) + " links per news item.");
    for (std::size_t i = 0; i < v.size(); ++i) {
        const std::string which = "Länk " + std::to_string(i + 1) + ": ", which_en = "Link " + std::to_string(i + 1) + ": ";
        const json& l = v[i];
        if (!l.is_object()) throw bad_request("links", which + "ska ha title och url.", which_en + "must have title and url.");
        for (const auto& [k, x] : l.items())
            if (k != "title" && k != "url")
                throw bad_request("links", which + "okänt fält " + k + ".", which_en + "unknown field " + k + ".");
        if (!l.contains("title") || !l["title"].is_string() || l["title"].get<std::string>().empty())
            throw bad_request("links", which + "rubrik saknas.", which_en + "the title is missing.");
        if (!l.contains("url") || !l["url"].is_string() || l["url"].get<std::string>().empty())
            throw bad_request("links", which + "adress saknas.", which_en + "the address is missing.");
        NewsLink link{l["title"].get<std::string>(), l["url"].get<std::string>()};
        if (utf8_length(link.title) > kLinkTitleMaxChars || has_control_chars(link.title))
            throw bad_request("links",
                              which + "rubriken får vara högst " + std::to_string(kLinkTitleMaxChars) +
                                  " tecken, utan radbrytningar.",
                              which_en + "the title can be at most " + std::to_string(kLinkTitleMaxChars) +
                                  " characters, without line breaks.");
        if (link.url.size() > kLinkUrlMaxChars)
            throw bad_request("links", which + "adressen får vara högst " + std::to_string(kLinkUrlMaxChars) + " tecken.",
                              which_en + "the address can be at most " + std::to_string(kLinkUrlMaxChars) + " characters.");
        if (!is_web_url(link.url))
            throw bad_request("links", which + "adressen ska vara en webbadress som börjar med http:// eller https://.",
                              which_en + "the address must be a web address starting with http:// or https://.");
        out.push_back(std::move(link));
    }
    return out;
}

// --- Wire form ------------------------------------------------------------------------

bool is_read(const State& state, const Id& item, const Id& person) {
    auto it = state.information.read_by.find(item);
    return it != state.information.read_by.end() && it->second.count(person);
}

json news_json(const State& state, const NewsItem& n, const School& school) {
    return {{"id", n.id},
            {"title", n.title},
            {"body", n.body},
            {"links", n.links},
            {"attachment_ids", n.attachment_ids},
            {"attachments", attachments_json(state, n.attachment_ids)},
            {"author", person_ref(state, n.author_id)},
            {"published_at", school_time(school, n.published_at)},
            {"changed_at", n.changed_at ? json(school_time(school, n.changed_at)) : json(nullptr)},
            {"scope", scope_json(state, n.group_ids)}};
}

bool newest_first(const NewsItem* a, const NewsItem* b) {
    return a->published_at != b->published_at ? a->published_at > b->published_at : a->id > b->id;
}

std::vector<const NewsItem*> news_for_pupil(const State& state, const Person& pupil) {
    std::vector<const NewsItem*> out;
    for (const auto& [id, n] : state.information.items)
        if (news_reaches(n, pupil)) out.push_back(&n);
    std::sort(out.begin(), out.end(), newest_first);
    return out;
}

const NewsItem& find_item(const State& state, const Id& id) {
    auto it = state.information.items.find(id);
    if (it == state.information.items.end()) throw not_found();
    return it->second;
}

// Opening an item also reads the viewer's notifications about it.
std::uint64_t read_notifications_about(Store::Transaction& txn, const Id& person, const Id& item) {
    const State& state = txn.state();
    auto mine = state.notifications.by_recipient.find(person);
    if (mine == state.notifications.by_recipient.end()) return 0;
    std::vector<Id> ids;
    for (const auto& n : mine->second)
        if (!n.read && n.item_id == item) ids.push_back(n.id);
    if (ids.empty()) return 0;
    return txn.commit({{"type", "notifications_read"}, {"recipient_id", person}, {"all", false}, {"ids", ids}});
}

// --- Handlers -------------------------------------------------------------------------

Response list_news(Context& ctx) {
    auto txn = ctx.services.store.begin();
    const State& state = txn.state();
    const auto access = pupil_box(state, ctx.params.at("pupil"), *ctx.me, ctx.now, Box::Information);
    json items = json::array();
    int unread = 0;
    for (const NewsItem* n : news_for_pupil(state, access.pupil)) {
        json j = news_json(state, *n, access.school);
        const bool read = is_read(state, n->id, ctx.me->id);
        unread += !read;
        j["read"] = read;
        items.push_back(std::move(j));
    }
    Response res;
    res.body = {{"pupil", {{"id", access.pupil.id}, {"name", access.pupil.full_name()}}},
                {"unread", unread},
                {"items", std::move(items)}};
    return res;
}

Response get_news(Context& ctx) {
    json reply;
    std::uint64_t seq = 0;
    {
        auto txn = ctx.services.store.begin();
        const State& state = txn.state();
        const auto access = pupil_box(state, ctx.params.at("pupil"), *ctx.me, ctx.now, Box::Information);
        const NewsItem& n = find_item(state, ctx.params.at("item"));
        if (!news_reaches(n, access.pupil)) throw not_found();
        if (!is_read(state, n.id, ctx.me->id))
            seq = txn.commit({{"type", "news_read"}, {"item_id", n.id}, {"person_id", ctx.me->id}});
        seq = std::max(seq, read_notifications_about(txn, ctx.me->id, n.id));
        reply = news_json(state, n, access.school);
        reply["read"] = true;
    }
    ctx.services.store.make_durable(seq);
    Response res;
    res.body = {{"item", std::move(reply)}};
    return res;
}

json staff_item_json(const State& state, const Person& me, const NewsItem& n, const School& school) {
    json j = news_json(state, n, school);
    auto readers = state.information.read_by.find(n.id);
    j["read_count"] = readers == state.information.read_by.end() ? 0 : readers->second.size();
    j["can_change"] = may_publish_to(state, me, n.school_id, n.group_ids);
    return j;
}

Response list_school_news(Context& ctx) {
    auto txn = ctx.services.store.begin();
    const State& state = txn.state();
    const School& school = school_for_staff(state, ctx.params.at("school"), *ctx.me);
    std::vector<const NewsItem*> mine;
    for (const auto& [id, n] : state.information.items)
        if (n.school_id == school.id && staff_sees(state, *ctx.me, school.id, n.group_ids)) mine.push_back(&n);
    std::sort(mine.begin(), mine.end(), newest_first);
    json items = json::array();
    for (const NewsItem* n : mine) items.push_back(staff_item_json(state, *ctx.me, *n, school));
    Response res;
    res.body = {{"school", {{"id", school.id}, {"name", school.name}}}, {"items", std::move(items)}};
    return res;
}

Response publish_news(Context& ctx) {
    RequestBody body(ctx.request.body, {"title", "body", "links", "attachment_ids", "group_ids"});
    NewsItem item;
    item.title = body.required_string("title", kNewsTitleMaxChars);
    item.body = body.optional_string("body", kNewsBodyMaxChars);
    item.links = read_links(body);
    item.attachment_ids = read_attachment_ids(body);
    item.group_ids = read_group_ids(body);

    json reply;
    std::uint64_t seq;
    {
        auto txn = ctx.services.store.begin();
        const State& state = txn.state();
        const School& school = school_for_staff(state, ctx.params.at("school"), *ctx.me);
        require_may_publish(state, *ctx.me, school.id, item.group_ids);
        check_attachments(state, *ctx.me, item.attachment_ids, "attachment_ids");
        item.id = txn.new_id("nws");
        item.school_id = school.id;
        item.author_id = ctx.me->id;
        item.published_at = ctx.now;
        seq = txn.commit({{"type", "news_published"}, {"item", item}});
        seq = std::max(seq, notify_pupils(txn, audience_of(state, school.id, item.group_ids),
                                          {Box::Information, "news", item.id, {item.title, item.title}}, ctx.now,
                                          ctx.me->id));
        reply = staff_item_json(state, *ctx.me, state.information.items.at(item.id), school);
    }
    ctx.services.store.make_durable(seq);
    Response res;
    res.status = 201;
    res.body = {{"item", std::move(reply)}};
    return res;
}

Response change_news(Context& ctx) {
    RequestBody body(ctx.request.body, {"title", "body", "links", "attachment_ids", "group_ids"});
    const bool new_title = body.has("title"), new_body = body.has("body"), new_links = body.has("links"),
               new_attachments = body.has("attachment_ids"), new_groups = body.has("group_ids");
    if (!(new_title || new_body || new_links || new_attachments || new_groups))
        throw bad_request("", "Ange något att ändra: title, body, links, attachment_ids eller group_ids.",
                          "Give something to change: title, body, links, attachment_ids or group_ids.");
    const std::string title = new_title ? body.required_string("title", kNewsTitleMaxChars) : "";
    const std::string text = body.optional_string("body", kNewsBodyMaxChars);
    const auto links = read_links(body);
    const auto attachments = read_attachment_ids(body);
    const auto groups = read_new_group_ids(body);

    json reply;
    std::uint64_t seq;
    {
        auto txn = ctx.services.store.begin();
        const State& state = txn.state();
        NewsItem item = find_item(state, ctx.params.at("item"));
        require_may_change(state, *ctx.me, item.school_id, item.group_ids, groups);
        if (new_attachments) check_attachments(state, *ctx.me, attachments, "attachment_ids", item.attachment_ids);
        if (new_title) item.title = title;
        if (new_body) item.body = text;
        if (new_links) item.links = links;
        if (new_attachments) item.attachment_ids = attachments;
        if (groups) item.group_ids = *groups;
        item.changed_at = ctx.now;
        seq = txn.commit({{"type", "news_changed"}, {"item", item}});
        seq = std::max(seq, notify_pupils(txn, audience_of(state, item.school_id, item.group_ids),
                                          {Box::Information, "news_changed", item.id, {item.title, item.title}}, ctx.now,
                                          ctx.me->id));
        reply = staff_item_json(state, *ctx.me, state.information.items.at(item.id), state.schools.at(item.school_id));
    }
    ctx.services.store.make_durable(seq);
    Response res;
    res.body = {{"item", std::move(reply)}};
    return res;
}

Response delete_news(Context& ctx) { return delete_published(ctx, find_item, "item", "news_deleted"); }

// --- Events, snapshot, card -----------------------------------------------------------

bool apply(State& state, const std::string& type, const json& event) {
    auto& info = state.information;
    if (type == "news_published" || type == "news_changed") {
        auto item = event.at("item").get<NewsItem>();
        Id id = item.id;
        info.items[id] = std::move(item);
    } else if (type == "news_deleted") {
        const Id id = event.at("id").get<std::string>();
        info.items.erase(id);
        info.read_by.erase(id);
    } else if (type == "news_read") {
        const Id id = event.at("item_id").get<std::string>();
        if (info.items.count(id)) info.read_by[id].insert(event.at("person_id").get<std::string>());
    } else {
        return false;
    }
    return true;
}

void save(const State& state, json& out) {
    json items = json::array();
    for (const auto& [id, n] : state.information.items) items.push_back(n);
    json reads = json::array();
    for (const auto& [id, people] : state.information.read_by) reads.push_back({{"item_id", id}, {"person_ids", people}});
    out["news_items"] = std::move(items);
    out["news_read"] = std::move(reads);
}

void load(const json& in, State& state) {
    auto& info = state.information;
    info = InformationState{};
    for (const auto& j : in.value("news_items", json::array())) {
        auto n = j.get<NewsItem>();
        Id id = n.id;
        info.items.emplace(std::move(id), std::move(n));
    }
    for (const auto& j : in.value("news_read", json::array()))
        info.read_by[j.at("item_id").get<std::string>()] = j.at("person_ids").get<std::set<Id>>();
}

json card(const CardContext& ctx, Box) {
    const auto items = news_for_pupil(ctx.state, ctx.pupil);
    int unread = 0;
    for (const NewsItem* n : items) unread += !is_read(ctx.state, n->id, ctx.viewer.id);
    std::string summary;
    const std::string n = std::to_string(unread);
    if (items.empty()) summary = ctx.say("Inga nyheter", "No news");
    else if (unread == 0) summary = ctx.say("Inga olästa nyheter", "No unread news");
    else if (unread == 1) summary = ctx.say("1 oläst nyhet", "1 unread news item");
    else summary = ctx.say(n + " olästa nyheter", n + " unread news items");
    json c = {{"summary", summary}, {"count", items.size()}, {"unread", unread}};
    if (!items.empty())
        c["next"] = {{"id", items.front()->id},
                     {"title", items.front()->title},
                     {"published_at", school_time(ctx.school, items.front()->published_at)},
                     {"read", is_read(ctx.state, items.front()->id, ctx.viewer.id)}};
    return c;
}

// --- Demo -----------------------------------------------------------------------------

struct DemoNews {
    const char* title;
    const char* body;
    const char* link_title;  // nullptr: no link
    const char* link_url;
};

// Someone to sign whole-school items: the school's admin, else the first group's mentor.
Id school_author(const State& state, const Id& school_id, const std::vector<Id>& admins) {
    for (const Id& a : admins)
        if (state.people.at(a).school_id == school_id) return a;
    for (const auto& [gid, g] : state.groups)
        if (g.school_id == school_id && !g.mentor_id.empty()) return g.mentor_id;
    return "";
}


void make_demo(DemoContext& ctx) {
    State& state = ctx.state;
    auto new_id = [&] { return "nws-" + std::to_string(state.next_id++); };
    std::vector<Id> admins;
    std::vector<const Person*> highlighted;  // the demo.* sign-ins
    for (const auto& [id, p] : state.people) {
        if (p.role == Role::SchoolAdmin) admins.push_back(id);
        if (p.username.rfind("demo.", 0) == 0 && (p.role == Role::Guardian || p.role == Role::Pupil))
            highlighted.push_back(&p);
    }

    const Date study_day = demo_study_day(ctx.today);
    const Date planning_day = demo_planning_day(ctx.today);
    const std::string planning_day_text = "Måndag " + std::to_string(planning_day.day) + "/" +
                                          std::to_string(planning_day.month) + " är förskolan stängd.";
    const bool winter = ctx.today.month == 11 || ctx.today.month == 12;
    const std::string study_day_text = "Fredag " + std::to_string(study_day.day) + "/" + std::to_string(study_day.month) +
                                       " är det studiedag för personalen.";

    for (const auto& [sid, school] : state.schools) {
        const Id author = school_author(state, sid, admins);
        if (author.empty()) continue;
        std::vector<DemoNews> whole;
        const std::string celebration_title = winter ? "Luciafirande i aulan" : "Vårfest i aulan";
        const std::string celebration_body =
            winter ? "Välkomna på luciafirande i aulan! Luciatåget går kl. 8.15 och därefter bjuder föräldraföreningen "
                     "på glögg och lussekatter. Ta gärna med en vän."
                   : "Välkomna på vårfest i aulan! Klasserna uppträder med sång och musik och föräldraföreningen säljer "
                     "fika till förmån för klasskassorna.";
        switch (school.form) {
            case SchoolForm::Forskola:
                whole = {{"Planeringsdag – förskolan stängd",
                          "Förskolan är stängd för planering. Meddela oss om ni behöver omsorg den dagen så hjälper vi "
                          "till med plats på en annan förskola.",
                          nullptr, nullptr},
                         {"Nya rutiner vid hämtning",
                          "Från och med nästa vecka hämtar ni barnen på gården efter kl. 15.00. Säg alltid hej till "
                          "en pedagog innan ni går hem.",
                          nullptr, nullptr},
                         {"Kläder efter väder",
                          "Nu blir det kallare. Se till att barnen har extra vantar, mössa och torra strumpor i sitt fack.",
                          "Tips om kläder för utevistelse", "https://www.ekby.exempel.se/forskola/klader"}};
                break;
            case SchoolForm::Grundskola:
                whole = {{celebration_title.c_str(), celebration_body.c_str(), nullptr, nullptr},
                         {"Studiedag fredag",
                          "Eleverna är lediga. Fritids har öppet för de barn som behöver omsorg – anmäl behovet i "
                          "Fritidsschema senast på måndag.",
                          nullptr, nullptr},
                         {"Veckans matsedel",
                          "Matsedeln finns på kommunens webbplats. Meddela skolköket om ert barn behöver specialkost.",
                          "Matsedel för Ekbyskolan", "https://www.ekby.exempel.se/skolmat/ekbyskolan"},
                         {"Skolfotografering",
                          "Skolfotograferingen är klar. Beställ bilder via fotografens webbplats med koden på lappen som "
                          "skickats hem.",
                          "Beställ skolfoton", "https://foto.exempel.se/bestall"}};
                break;
            case SchoolForm::Gymnasieskola:
                whole = {{"Nationella prov – schema och regler",
                          "Schemat för vårens nationella prov är klart. Mobiltelefoner lämnas i skåpet under provet. "
                          "Kontakta din mentor om du behöver anpassningar.",
                          "Skolverket om nationella prov", "https://www.skolverket.se/bedomning/nationella-prov"},
                         {"Studiedag fredag",
                          "Ingen undervisning. Skolbiblioteket och studiehallen har öppet 9–15 för den som vill plugga.",
                          nullptr, nullptr},
                         {"Ansökan till utlandsstudier",
                          "Vill du läsa en termin utomlands? Informationsmöte i aulan på onsdag efter lunch.",
                          "Mer om utbytesstudier", "https://www.ekby.exempel.se/gymnasium/utlandsstudier"}};
                break;
        }
        // Whole-school items over the past three weeks, newest last.
        const int n = static_cast<int>(whole.size());
        std::vector<Id> created;
        for (int i = 0; i < n; ++i) {
            NewsItem item;
            item.id = new_id();
            item.school_id = sid;
            item.title = whole[i].title;
            item.body = whole[i].body;
            if (std::string(whole[i].title) == "Studiedag fredag") item.body = study_day_text + " " + item.body;
            if (school.form == SchoolForm::Forskola && i == 0) item.body = planning_day_text + " " + item.body;
            if (whole[i].link_title) item.links.push_back({whole[i].link_title, whole[i].link_url});
            item.author_id = author;
            item.published_at = ctx.now - (n - i) * 4 * 86400 - ctx.rng.below(6 * 3600);
            created.push_back(item.id);
            state.information.items.emplace(item.id, std::move(item));
        }
        // The highlighted demo accounts have already read the oldest item of their school.
        for (const Person* who_p : highlighted) {
            const Person& who = *who_p;
            bool here = who.school_id == sid;
            for (const Id& child : who.children) here = here || state.people.at(child).school_id == sid;
            if (here && !created.empty()) state.information.read_by[created.front()].insert(who.id);
        }
    }

    // One item per group from its mentor.
    for (const auto& [gid, g] : state.groups) {
        const auto school = state.schools.find(g.school_id);
        if (school == state.schools.end() || g.staff_ids.empty()) continue;
        NewsItem item;
        item.id = new_id();
        item.school_id = g.school_id;
        item.group_ids = {gid};
        item.author_id = g.mentor_id.empty() ? g.staff_ids.front() : g.mentor_id;
        switch (school->second.form) {
            case SchoolForm::Forskola:
                item.title = "Utflykt till skogen på torsdag";
                item.body = "På torsdag går " + g.name + " till skogen efter frukost och äter lunch ute. Ta med "
                            "ryggsäck med vattenflaska och extra kläder.";
                break;
            case SchoolForm::Grundskola:
                item.title = "Veckobrev från " + g.name;
                item.body = "Hej! Den här veckan arbetar vi med bråk i matematik och läser vidare i klassens "
                            "högläsningsbok. Glöm inte idrottskläder på onsdag.";
                item.links.push_back({"Klassens läxor", "https://www.ekby.exempel.se/ekbyskolan/laxor"});
                break;
            case SchoolForm::Gymnasieskola:
                item.title = "Mentorstid för " + g.name;
                item.body = "På mentorstiden i veckan går vi igenom kursvalen inför nästa läsår. Fundera gärna i förväg "
                            "på vilka kurser du vill läsa.";
                break;
        }
        const int days_ago = ctx.rng.below(6);
        const int seconds_earlier = 3600 + ctx.rng.below(4 * 3600);
        item.published_at = ctx.now - days_ago * 86400 - seconds_earlier;
        state.information.items.emplace(item.id, std::move(item));
    }
}

}  // namespace

extern const BoxModule information_module{
    "information",
    {Box::Information},
    {
        {"GET", "/api/v1/pupils/{pupil}/news", true, list_news, Access::PupilData},
        {"GET", "/api/v1/pupils/{pupil}/news/{item}", true, get_news, Access::PupilData},
        {"GET", "/api/v1/schools/{school}/news", true, list_school_news, Access::StaffOfSchool},
        {"POST", "/api/v1/schools/{school}/news", true, publish_news, Access::StaffOfSchool},
        {"PUT", "/api/v1/news/{item}", true, change_news, Access::StaffOfSchool},
        {"DELETE", "/api/v1/news/{item}", true, delete_news, Access::StaffOfSchool},
    },
    apply,
    save,
    load,
    make_demo,
    card,
};

}  // namespace skolnav
