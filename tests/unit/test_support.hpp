// Test doubles for core's platform interfaces, a small fixture that runs the real API
// (core::handle) over the demo municipality with a fixed clock, and the helpers the
// box tests share: route builders, lookups in the demo, notification counts, cards,
// replay checks, and the checks every box that staff publish to must pass.
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/api.hpp"
#include "core/box_module.hpp"
#include "core/demo.hpp"

namespace skolnav::test {

// Fast, deterministic stand-in for argon2id: unit tests check the rules around
// passwords, not the hash (the server's tests use the real one).
class TestCrypto : public Crypto {
public:
    std::string hash_password(std::string_view pw) override { return "test$" + std::string(pw); }
    bool verify_password(std::string_view hash, std::string_view pw) override { return hash == "test$" + std::string(pw); }
    std::string random_token() override { return "token-" + std::to_string(++counter_); }
    std::string digest(std::string_view data) override { return "digest:" + std::string(data); }
private:
    int counter_ = 0;
};

// Keeps every appended record, so tests can replay them into a fresh store.
class MemoryJournal : public Journal {
public:
    std::uint64_t append(std::string_view record) override {
        records.emplace_back(record);
        return records.size();
    }
    void make_durable(std::uint64_t seq) override { durable = seq; }
    std::vector<std::string> records;
    std::uint64_t durable = 0;
};

// The platform's BlobStore, in memory.
class MemoryBlobs : public BlobStore {
public:
    void put(const std::string& id, std::string_view bytes) override { files[id] = std::string(bytes); }
    std::optional<std::string> get(const std::string& id) override {
        auto it = files.find(id);
        if (it == files.end()) return std::nullopt;
        return it->second;
    }
    void remove(const std::string& id) override { files.erase(id); }
    std::map<std::string, std::string> files;
};

UnixSeconds at(const char* utc_iso);  // "2026-11-30T09:00:00Z" -> seconds

// The demo's grundskola, where demo.personal (mentor of 7A) and demo.admin work.
inline constexpr char kEkbyskolan[] = "sch-2";

// Routes by their owner: pupil_route(elsa, "blog") is "/api/v1/pupils/<elsa>/blog".
std::string pupil_route(const Id& pupil, const std::string& rest);
std::string group_route(const Id& group, const std::string& rest);
std::string school_route(const Id& school, const std::string& rest);

// The entry of a JSON list whose "id" is `id`, or null.
json find_id(const json& list, const Id& id);

// A box module by its name ("blog"); null for an unknown name.
const BoxModule* box_module(const std::string& name);

struct ApiFixture {
    explicit ApiFixture(const char* now_utc = "2026-11-30T09:00:00Z");
    Response call(const std::string& method, const std::string& path, const std::string& body = "",
                  const std::string& token = "");
    // A GET with query parameters (values are passed as they are, without %-encoding).
    Response get(const std::string& path, const std::map<std::string, std::string>& query, const std::string& token);
    // POST /api/v1/attachments as a browser sends a file (needs services.blobs).
    Response upload(const std::string& token, const std::string& filename, const std::string& bytes,
                    const std::string& content_type, bool with_filename = true);
    // core's handle(), the reply kept as a sample for the OpenAPI check (reply_samples.hpp).
    Response answer(const Request& request);
    std::string sign_in(const std::string& username);  // returns the session token
    Id id_of(const std::string& username) const;
    Id child_of(const std::string& guardian_username, const std::string& first_name) const;

    // The demo's groups: a pupil's own, one by name (anywhere, or at one school), and the
    // username of a group's generated teacher (not demo.personal). All throw when absent.
    Id group_of(const Id& pupil) const;
    Id group_named(const std::string& name) const;
    Id group_named(const Id& school, const std::string& name) const;
    std::string teacher_of(const Id& group) const;

    // Notifications of `kind` (and about `item`, unless empty): as kept for a recipient in
    // the store, and as a signed-in viewer's list (GET /api/v1/notifications) shows them.
    int stored_notifications(const Id& recipient, const std::string& kind, const Id& item) const;
    int notifications(const std::string& token, const std::string& kind, const Id& item = "");

    // A module's card for `box`, as `viewer` (a username) sees `pupil`'s start page now
    // (or at `now`), in `language`; and a box's card through the API (GET
    // /pupils/{pupil}/start), null when the page has no such box.
    json card(const std::string& module, Box box, const std::string& viewer, const Id& pupil) const;
    json card(const std::string& module, Box box, const std::string& viewer, const Id& pupil, UnixSeconds now) const;
    json start_card(const Id& pupil, const std::string& token, const std::string& box);

    // Writes to the store directly, as the named events: a school switches one box off;
    // every id in `ids` is removed with `{"type": event_type, "id": id}`.
    void switch_box_off(const Id& school, Box box);
    void delete_all(const std::vector<Id>& ids, const std::string& event_type);

    // The language every request from here asks for (the HTTP transport reads it from
    // Accept-Language); Swedish unless a test sets it.
    Language language = Language::sv;

    FixedClock clock;
    TestCrypto crypto;
    MemoryJournal journal;
    Store store{&journal};
    Services services{clock, crypto, store};
};

// The fixture with file storage, for attachments.
struct ApiFixtureWithFiles : ApiFixture {
    explicit ApiFixtureWithFiles(const char* now_utc = "2026-11-30T09:00:00Z") : ApiFixture(now_utc) {
        services.blobs = &blobs;
    }
    MemoryBlobs blobs;
};

// The demo people most box tests need, with session tokens for those who sign in: Elsa
// (demo.elev) and Amira of 7A at Ekbyskolan and their guardians demo.vh and demo.vh2;
// demo.personal (7A's mentor), demo.admin (the school's admin) and 7B's teacher.
struct DemoCast {
    explicit DemoCast(ApiFixture& f);
    Id elsa, amira, class_7a, class_7b;
    std::string staff, admin, teacher_7b, elev, vh, vh2;
};

// The ids of a map's entries (the store's items of one kind).
template <class Map>
std::vector<Id> ids_of(const Map& items) {
    std::vector<Id> ids;
    for (const auto& [id, item] : items) ids.push_back(id);
    return ids;
}

// Replays the fixture's journal over `before` (a snapshot taken earlier) and checks that
// it rebuilds the same state; returns the rebuilt store for further checks.
std::unique_ptr<Store> check_replay(const ApiFixture& f, const json& before);
// Checks that the fixture's snapshot loads back from its JSON text unchanged; returns the
// loaded store for further checks.
std::unique_ptr<Store> check_snapshot_round_trip(const ApiFixture& f);

// The denials every reader's route /pupils/{pupil}/<box> shares, with the demo's families:
// without a session 401; another family's child (Amira for demo.vh) answers exactly like a
// pupil that does not exist (404); a pupil (demo.elev) sees only themself; the guardian of
// an adult pupil without insyn (Måns) is refused with no_insyn; staff do not use readers'
// routes (404).
void check_reader_denials(ApiFixture& f, const std::string& box);

// A box that staff publish to at /schools/{school}/<name>: to their own groups, and the
// school's admin to the whole school (no groups). Readers list it at /pupils/{pupil}/<name>,
// staff at the school route; an item is changed and deleted at <item_route><id>.
struct PublishedBox {
    std::string name;        // "news"
    std::string item_route;  // "/api/v1/news/"
    std::string list_key;    // the list in a response: "items"
    std::string kind;        // its notifications' kind: "news"
    std::function<json(const std::vector<Id>& groups)> body;  // a valid new item for these groups
    std::string school_path() const { return school_route(kEkbyskolan, name); }
};
// Who may publish what: demo.personal neither to the whole school nor to 7B (403), nor at
// another school (404); guardians, pupils and nobody signed in not at all (404, 401); none
// of these changes anything. The admin publishes to the whole school and to 7B, 7B's
// teacher to 7B.
void check_who_publishes(ApiFixture& f, const PublishedBox& box);
// `item`, published by demo.personal to 7A, reaches the group: Elsa and the guardians of
// Elsa and Amira are notified once and find it in their lists; the publisher is not
// notified; a pupil of another school is neither notified nor finds it.
void check_reaches_7a(ApiFixture& f, const PublishedBox& box, const Id& item);
// `item`, published by demo.personal to 7A, is not for 7B's teacher, another school's
// staff, a guardian or a pupil to change or delete (404), nor in 7B's teacher's staff
// list; guardians have no staff list. demo.personal's list offers to change it.
void check_only_publishers_change(ApiFixture& f, const PublishedBox& box, const Id& item, const json& change);

}  // namespace skolnav::test
