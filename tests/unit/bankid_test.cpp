// BankID sign-in in core, with a scripted relying party and a fixed clock: hintCodes
// mapped to BankID's messages, the order bound to its browser, cancel, orders that time
// out or are abandoned, concurrent sign-ins kept apart, and the personnummer look-up.
// (The real protocol over mutual TLS, against the stand-in: tests/api/bankid_api_test.cpp.)
#include <catch2/catch.hpp>

#include "core/bankid_messages.hpp"
#include "core/bankid_orders.hpp"
#include "core/personal_number.hpp"
#include "test_support.hpp"

using namespace skolnav;
using namespace skolnav::test;

namespace {

// BankID as a script: each order answers what the test sets.
class ScriptedRp : public BankIdRelyingParty {
public:
    BankIdAuth auth(const std::string& ip) override {
        if (!refuse.empty()) throw BankIdError(refuse);
        const std::string n = std::to_string(++count);
        answers["ref-" + n] = {"pending", "outstandingTransaction", "", ""};
        ips["ref-" + n] = ip;
        return {"ref-" + n, "auto-" + n, "qrtoken-" + n, "secret-" + n};
    }
    BankIdCollect collect(const std::string& ref) override {
        ++collects[ref];
        auto it = answers.find(ref);
        if (it == answers.end()) throw BankIdError("invalidParameters");
        return it->second;
    }
    void cancel(const std::string& ref) override {
        cancelled.push_back(ref);
        answers.erase(ref);
    }
    void complete(const std::string& ref, const std::string& personal_number) {
        answers[ref] = {"complete", "", personal_number, ips[ref]};
    }
    int count = 0;
    std::string refuse;
    std::map<std::string, BankIdCollect> answers;
    std::map<std::string, std::string> ips;
    std::map<std::string, int> collects;
    std::vector<std::string> cancelled;
};

// The QR "code" is its text, so tests can read what would be drawn.
class TextQr : public BankIdQr {
public:
    std::string data(const std::string& token, const std::string& secret, long seconds) override {
        return token + "|" + secret + "|" + std::to_string(seconds);
    }
    QrModules encode(const std::string& data) override { return {1, data}; }
};

struct BankIdFixture : ApiFixture {
    ScriptedRp rp;
    TextQr qr;
    BankIdOrders orders{rp, qr};
    BankIdFixture() { services.bankid = &orders; }

    Response call_as(const std::string& browser, const std::string& method, const std::string& path,
                     const std::string& body = "", const std::string& address = "192.0.2.10") {
        Request r;
        r.method = method;
        r.path = path;
        r.body = body;
        r.bankid_binding = browser;
        r.client_address = address;
        r.language = language;
        return handle(r, services);
    }
    // Starts an order as `browser` (an existing binding cookie); returns its handle.
    std::string start(const std::string& browser, bool qr_code = true) {
        Response r = call_as(browser, "POST", "/api/v1/bankid/orders", qr_code ? "{}" : "{\"qr\": false}");
        REQUIRE(r.status == 201);
        return r.body["order"];
    }
    Response status(const std::string& browser, const std::string& order) {
        return call_as(browser, "GET", "/api/v1/bankid/orders/" + order);
    }
    void tick(UnixSeconds seconds) {
        clock.advance(seconds);
        orders.poll(clock.now());
    }
};

}  // namespace

TEST_CASE("demo people who sign in have valid test personnummer, each their own", "[bankid]") {
    ApiFixture f;
    const State& s = f.store.unsafe_state();
    std::set<std::string> seen;
    for (const auto& [id, p] : s.people) {
        if (p.username.empty()) continue;
        INFO(p.username);
        REQUIRE(valid_personal_number(p.personal_number));
        const int birth_number = std::stoi(p.personal_number.substr(8, 3));
        CHECK(birth_number >= kFirstTestBirthNumber);
        CHECK(seen.insert(p.personal_number).second);
    }
    CHECK(valid_personal_number(personal_number(Date{1990, 1, 1}, 980)));
    CHECK_FALSE(valid_personal_number("199001019800"));  // a wrong check digit
    CHECK_FALSE(valid_personal_number("199013019801"));  // month 13
}

TEST_CASE("each hintCode gets BankID's recommended message", "[bankid]") {
    CHECK(std::string(bankid_message("pending", "outstandingTransaction", true).key) == "RFA1");
    CHECK(std::string(bankid_message("pending", "outstandingTransaction", false).key) == "RFA13");
    CHECK(std::string(bankid_message("pending", "noClient", true).key) == "RFA1");
    CHECK(std::string(bankid_message("pending", "started", false).key) == "RFA15");
    CHECK(std::string(bankid_message("pending", "userSign", true).key) == "RFA9");
    CHECK(std::string(bankid_message("pending", "userMrtd", true).key) == "RFA23");
    CHECK(std::string(bankid_message("pending", "somethingNew", true).key) == "RFA21");
    CHECK(std::string(bankid_message("failed", "userCancel", true).key) == "RFA6");
    CHECK(std::string(bankid_message("failed", "expiredTransaction", true).key) == "RFA8");
    CHECK(std::string(bankid_message("failed", "certificateErr", true).key) == "RFA16");
    CHECK(std::string(bankid_message("failed", "startFailed", true).key) == "RFA17");
    CHECK(bankid_message("failed", "startFailed", true).text.sv.find("QR-koden") != std::string::npos);
    CHECK(bankid_message("failed", "startFailed", false).text.sv.find("QR-koden") == std::string::npos);
    CHECK(std::string(bankid_message("failed", "somethingNew", true).key) == "RFA22");
    CHECK(std::string(bankid_error_message("cancelled").key) == "RFA3");
    CHECK(std::string(bankid_error_message("alreadyInProgress").key) == "RFA4");
    CHECK(std::string(bankid_error_message("maintenance").key) == "RFA5");
    CHECK(std::string(bankid_error_message("unreachable").key) == "RFA5");
    CHECK(bankid_message("failed", "userCancel", true).text.sv == "Åtgärden avbruten.");
    CHECK(bankid_message("failed", "userCancel", true).text.en == "Action cancelled.");
}

TEST_CASE("a BankID sign-in follows collect from start to a session", "[bankid]") {
    BankIdFixture f;
    Response started = f.call_as("", "POST", "/api/v1/bankid/orders", "{}");
    REQUIRE(started.status == 201);
    REQUIRE(started.set_bankid_binding);  // a new browser gets its binding cookie
    const std::string browser = *started.set_bankid_binding;
    const std::string order = started.body["order"];
    CHECK(started.body["auto_start_token"] == "auto-1");
    CHECK(started.body["message_key"] == "RFA1");
    CHECK(f.rp.ips["ref-1"] == "192.0.2.10");  // the end user's address goes to BankID

    // The QR code of each second, from the order's own token and secret.
    Response s = f.status(browser, order);
    CHECK(s.body["status"] == "pending");
    CHECK(s.body["qr"]["rows"] == "qrtoken-1|secret-1|0");
    f.clock.advance(1);
    CHECK(f.status(browser, order).body["qr"]["rows"] == "qrtoken-1|secret-1|1");

    f.rp.answers["ref-1"] = {"pending", "userSign", "", ""};
    f.tick(2);
    s = f.status(browser, order);
    CHECK(s.body["hint_code"] == "userSign");
    CHECK(s.body["message_key"] == "RFA9");
    CHECK(s.body["message"] == "Skriv in din säkerhetskod i BankID-appen och välj Identifiera eller Skriv under.");

    const Id elsa = f.id_of("demo.elev");  // 13 years old: pupils under 18 sign in too
    f.rp.complete("ref-1", f.store.unsafe_state().people.at(elsa).personal_number);
    f.tick(2);
    s = f.status(browser, order);
    CHECK(s.body["status"] == "complete");
    CHECK(s.body["person"]["id"] == elsa);
    REQUIRE(s.set_session_token);
    CHECK(f.call("GET", "/api/v1/me", "", *s.set_session_token).status == 200);
    // The journal records how: BankID's order and the device's address.
    const json last = json::parse(f.journal.records.back().substr(f.journal.records.back().find('{')));
    CHECK(last.dump().find("\"order_ref\":\"ref-1\"") != std::string::npos);
    CHECK(last.dump().find("192.0.2.10") != std::string::npos);
    // The order is used up.
    CHECK(f.status(browser, order).status == 404);
    CHECK(f.orders.size() == 0);
}

TEST_CASE("a completed BankID order starts one session, however often it is asked for", "[bankid]") {
    BankIdFixture f;
    const std::string order = f.start("browser-a");
    f.rp.complete("ref-1", f.store.unsafe_state().people.at(f.id_of("demo.vh")).personal_number);
    f.tick(2);
    const auto sessions_before = f.store.unsafe_state().sessions.size();
    CHECK(f.status("browser-a", order).body["status"] == "complete");
    CHECK(f.status("browser-a", order).status == 404);
    CHECK(f.store.unsafe_state().sessions.size() == sessions_before + 1);
}

TEST_CASE("BankID: declined, blocked and expired orders show their message and start no session", "[bankid]") {
    BankIdFixture f;
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"userCancel", "RFA6"}, {"certificateErr", "RFA16"}, {"expiredTransaction", "RFA8"}, {"startFailed", "RFA17"}};
    for (const auto& [hint, key] : cases) {
        const std::string order = f.start("browser-a");
        const std::string ref = "ref-" + std::to_string(f.rp.count);
        f.rp.answers[ref] = {"failed", hint, "", ""};
        f.tick(2);
        Response s = f.status("browser-a", order);
        INFO(hint);
        CHECK(s.body["status"] == "failed");
        CHECK(s.body["hint_code"] == hint);
        CHECK(s.body["message_key"] == key);
        CHECK_FALSE(s.set_session_token);
        CHECK(s.body.count("qr") == 0);
    }
}

TEST_CASE("an unknown personnummer is refused with a message and no session", "[bankid]") {
    BankIdFixture f;
    const std::string order = f.start("browser-a");
    f.rp.complete("ref-1", personal_number(Date{1950, 5, 5}, 989));
    f.tick(2);
    const auto sessions_before = f.store.unsafe_state().sessions.size();
    Response s = f.status("browser-a", order);
    CHECK(s.status == 200);
    CHECK(s.body["status"] == "failed");
    CHECK(s.body["message_key"] == "unknown_person");
    CHECK(s.body["message"].get<std::string>().find("finns inte i Skolnav") != std::string::npos);
    CHECK_FALSE(s.set_session_token);
    CHECK(f.store.unsafe_state().sessions.size() == sessions_before);
    CHECK(f.journal.records.back().find("bankid_sign_in_refused") != std::string::npos);
}

TEST_CASE("a BankID order belongs to the browser that started it; concurrent sign-ins stay apart", "[bankid]") {
    BankIdFixture f;
    const std::string a = f.start("browser-a");
    const std::string b = f.start("browser-b");
    CHECK(f.status("browser-b", a).status == 404);  // as if it did not exist
    CHECK(f.status("", a).status == 404);
    CHECK(f.call_as("browser-b", "DELETE", "/api/v1/bankid/orders/" + a).status == 404);

    const Id elsa = f.id_of("demo.elev"), anna = f.id_of("demo.vh");
    f.rp.complete("ref-2", f.store.unsafe_state().people.at(anna).personal_number);
    f.rp.complete("ref-1", f.store.unsafe_state().people.at(elsa).personal_number);
    f.tick(2);
    CHECK(f.status("browser-b", b).body["person"]["id"] == anna);
    CHECK(f.status("browser-a", a).body["person"]["id"] == elsa);
}

TEST_CASE("cancelling a BankID order cancels it at BankID; a second start replaces the first", "[bankid]") {
    BankIdFixture f;
    const std::string a = f.start("browser-a");
    CHECK(f.call_as("browser-a", "DELETE", "/api/v1/bankid/orders/" + a).status == 204);
    CHECK(f.rp.cancelled == std::vector<std::string>{"ref-1"});
    CHECK(f.status("browser-a", a).status == 404);

    const std::string first = f.start("browser-a");
    const std::string second = f.start("browser-a");
    CHECK(f.rp.cancelled.back() == "ref-2");
    CHECK(f.status("browser-a", first).status == 404);
    CHECK(f.status("browser-a", second).status == 200);
}

TEST_CASE("BankID orders time out, abandoned ones are cancelled, finished ones are cleaned up", "[bankid]") {
    BankIdFixture f;
    const BankIdOrders::Limits limits;
    // Abandoned: the browser stopped asking (tab closed).
    f.start("browser-a");
    f.tick(limits.abandoned_after + 1);
    CHECK(f.orders.size() == 0);
    CHECK(f.rp.cancelled == std::vector<std::string>{"ref-1"});

    // Watched, but BankID never finishes: dropped after the lifetime, cancelled at BankID.
    const std::string watched = f.start("browser-b");
    for (UnixSeconds t = 0; t <= limits.lifetime; t += 10) {
        f.tick(10);
        if (f.orders.size()) f.status("browser-b", watched);
    }
    CHECK(f.orders.size() == 0);
    CHECK(f.rp.cancelled.back() == "ref-2");

    // Finished (declined) and never read again: kept a while for its browser, then dropped.
    f.start("browser-c");
    f.rp.answers["ref-3"] = {"failed", "userCancel", "", ""};
    f.tick(2);
    CHECK(f.orders.size() == 1);
    f.tick(limits.finished_kept + 1);
    CHECK(f.orders.size() == 0);
}

TEST_CASE("BankID is collected every two seconds by the server, and a lost order fails", "[bankid]") {
    BankIdFixture f;
    const std::string order = f.start("browser-a");
    f.tick(1);
    f.tick(1);
    f.status("browser-a", order);
    f.tick(1);
    f.tick(1);
    CHECK(f.rp.collects["ref-1"] == 2);  // from 4 polls, one a second
    // BankID no longer knows the order: RFA22-style failure, not an endless wait.
    f.rp.answers.erase("ref-1");
    f.tick(2);
    Response s = f.status("browser-a", order);
    CHECK(s.body["status"] == "failed");
    CHECK(s.body["message_key"] == "RFA22");
}

TEST_CASE("BankID refuses too many orders at once, and answers 502 when the service is away", "[bankid]") {
    BankIdFixture f;
    const BankIdOrders::Limits limits;
    for (std::size_t i = 0; i < limits.max_per_address; ++i) f.start("browser-" + std::to_string(i));
    CHECK(f.call_as("another", "POST", "/api/v1/bankid/orders", "{}").status == 429);
    CHECK(f.call_as("another", "POST", "/api/v1/bankid/orders", "{}", "198.51.100.7").status == 201);

    f.rp.refuse = "maintenance";
    Response r = f.call_as("x", "POST", "/api/v1/bankid/orders", "{}", "198.51.100.8");
    CHECK(r.status == 502);
    CHECK(r.body["error"]["message"] == "Internt tekniskt fel. Försök igen.");

    ApiFixture plain;  // no BankID configured
    Response off = plain.call("POST", "/api/v1/bankid/orders", "{}");
    CHECK(off.status == 404);
    CHECK(off.body["error"]["code"] == "bankid_unavailable");
}

TEST_CASE("BankID routes check their input", "[bankid]") {
    BankIdFixture f;
    CHECK(f.call_as("a", "POST", "/api/v1/bankid/orders", "{\"qr\": \"ja\"}").status == 400);
    CHECK(f.call_as("a", "POST", "/api/v1/bankid/orders", "{\"personalNumber\": \"1\"}").status == 400);
    CHECK(f.call_as("a", "POST", "/api/v1/bankid/orders", "[]").status == 400);
    CHECK(f.call_as("a", "GET", "/api/v1/bankid/orders/" + std::string(65, 'x')).status == 404);
    CHECK(f.call_as("a", "GET", "/api/v1/bankid/orders/..%2f").status == 404);
    CHECK(f.call_as(std::string(300, 'b'), "GET", "/api/v1/bankid/orders/bid-1").status == 404);
}
