// Sign-in with BankID, the browser's side of it: start an order, read its state (the
// message to show and the QR code of this second) until it completes, or cancel it.
// BankID is asked by the server (bankid_orders.hpp); the browser never talks to it.
//
// On completion the personnummer BankID vouches for is looked up among the people: a
// match gets a session like a password sign-in (auth.cpp), with the order's reference
// and the device's address in the journal's record of it; no match gets a message and
// no session. Anyone may sign in this way (pupils under 18 and staff too); what they may
// see afterwards is the same as with a password.
#include <cctype>

#include "api_error.hpp"
#include "bankid_messages.hpp"
#include "bankid_orders.hpp"
#include "request_body.hpp"
#include "routes.hpp"

namespace skolnav {

namespace {
BankIdOrders& orders(Context& ctx) {
    // Not configured: as if the route were not there (not a failure of the server).
    if (!ctx.services.bankid)
        throw ApiError(404, "bankid_unavailable",
                       {"Inloggning med BankID är inte påslagen här.", "Sign-in with BankID is not turned on here."});
    return *ctx.services.bankid;
}

// The browser's binding cookie as stored: its digest, or "" when it sent none.
std::string binding_digest(Context& ctx) {
    const std::string& token = ctx.request.bankid_binding;
    if (token.empty() || token.size() > 200) return "";
    return ctx.services.crypto.digest(token);
}

json message_body(const std::string& status, const std::string& hint, const BankIdMessage& m, Context& ctx) {
    return {{"status", status},
            {"hint_code", hint.empty() ? json(nullptr) : json(hint)},
            {"message_key", m.key},
            {"message", m.text.in(ctx.language())}};
}

ApiError service_error(const BankIdError& e) {
    const BankIdMessage m = bankid_error_message(e.error_code);
    return ApiError(502, "bankid_error", m.text);
}

// The order handle as the path carries it: short, plain characters, or no such order.
const std::string& order_param(Context& ctx) {
    const std::string& id = ctx.params.at("order");
    if (id.size() > 64) throw not_found();
    for (char c : id)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') throw not_found();
    return id;
}
}  // namespace

Response start_bankid_order(Context& ctx) {
    bool qr = true;
    if (!ctx.request.body.empty()) {
        RequestBody body(ctx.request.body, {"qr"});
        qr = body.optional_bool("qr").value_or(true);
    }
    BankIdOrders& bankid = orders(ctx);
    Response r;
    std::string digest = binding_digest(ctx);
    if (digest.empty()) {
        const std::string token = ctx.services.crypto.random_token();
        r.set_bankid_binding = token;
        digest = ctx.services.crypto.digest(token);
    }
    // BankID wants the user's own address; the browser has one whenever it reaches us.
    const std::string ip = ctx.request.client_address.empty() ? "127.0.0.1" : ctx.request.client_address;
    const std::string id = "bid-" + ctx.services.crypto.random_token().substr(0, 22);
    BankIdOrders::Started started;
    try {
        started = bankid.start(id, digest, ip, qr, ctx.now);
    } catch (const BankIdError& e) {
        throw service_error(e);
    }
    r.status = 201;
    r.body = message_body("pending", "outstandingTransaction", bankid_message("pending", "outstandingTransaction", qr), ctx);
    r.body["order"] = started.id;
    r.body["auto_start_token"] = started.auto_start_token;
    return r;
}

Response get_bankid_order(Context& ctx) {
    BankIdOrders& bankid = orders(ctx);
    const std::string& id = order_param(ctx);
    const std::string digest = binding_digest(ctx);
    if (digest.empty()) throw not_found();
    auto view = bankid.view(id, digest, ctx.now);
    if (!view) throw not_found();

    Response r;
    if (view->status == "pending") {
        r.body = message_body("pending", view->hint_code, bankid_message("pending", view->hint_code, view->qr_shown), ctx);
        if (view->qr) r.body["qr"] = {{"size", view->qr->size}, {"rows", view->qr->rows}};
        return r;
    }
    if (view->status == "failed") {
        const BankIdMessage m = view->error_code.empty() ? bankid_message("failed", view->hint_code, view->qr_shown)
                                                         : bankid_error_message(view->error_code);
        r.body = message_body("failed", view->hint_code, m, ctx);
        return r;
    }

    // Complete (the order is used up now): who is it?
    const json audit = {{"via", "bankid"}, {"order_ref", view->order_ref}, {"device_ip", view->device_ip},
                        {"completed_at", ctx.now}};
    Id person_id;
    std::uint64_t seq = 0;
    // Written before the answer: a sign-in is audited whether it gets a session or not.
    auto write_audit = [&](const std::string& outcome, const Id& who) {
        if (!ctx.services.audit) return;
        json line = audit;
        line["at"] = utc_iso(ctx.now);
        line["outcome"] = outcome;
        if (!who.empty()) line["person_id"] = who;
        ctx.services.audit->record(line.dump());
    };
    {
        auto txn = ctx.services.store.begin();
        const auto& index = txn.state().personal_number_index;
        auto it = index.find(view->personal_number);
        if (it != index.end()) person_id = it->second;
        else seq = txn.commit({{"type", "bankid_sign_in_refused"}, {"audit", audit}});
    }
    write_audit(person_id.empty() ? "no_such_person" : "signed_in", person_id);
    if (person_id.empty()) {
        ctx.services.store.make_durable(seq);
        r.body = message_body("failed", "", bankid_unknown_person_message(), ctx);
        return r;
    }
    r = signed_in(ctx, person_id, audit);
    r.body["status"] = "complete";
    return r;
}

Response cancel_bankid_order(Context& ctx) {
    BankIdOrders& bankid = orders(ctx);
    const std::string& id = order_param(ctx);
    const std::string digest = binding_digest(ctx);
    if (digest.empty() || !bankid.cancel(id, digest)) throw not_found();
    Response r;
    r.status = 204;
    return r;
}

}  // namespace skolnav
