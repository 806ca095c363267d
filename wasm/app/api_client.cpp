#include "app/api_client.hpp"

#include <cctype>

#include "app/fonts.hpp"
#include "app/i18n.hpp"
#include "platform/http.hpp"

namespace app {
namespace {

ApiReply to_reply(const platform::HttpResponse& r) {
    ApiReply reply;
    reply.status = r.status;
    if (!r.body.empty()) reply.body = parse_json(r.body);
    if (reply.ok()) return reply;
    const Json& error = field(reply.body, "error");
    reply.error.status = r.status;
    reply.error.code = text(error, "code");
    reply.error.message = text(error, "message");
    reply.error.field = text(error, "field");
    if (r.status == 0) {
        reply.error.code = "network";
        reply.error.message = tr("Det gick inte att nå Skolnav. Kontrollera din anslutning och försök igen.");
    } else if (reply.error.message.empty()) {
        reply.error.message = trf("Något gick fel (felkod %d). Försök igen om en stund.", r.status);
    }
    return reply;
}

const EnglishText kEnglish[] = {
    {"Det gick inte att nå Skolnav. Kontrollera din anslutning och försök igen.",
     "Skolnav could not be reached. Check your connection and try again."},
    {"Något gick fel (felkod %d). Försök igen om en stund.", "Something went wrong (error code %d). Try again in a while."},
};
const EnglishTexts kRegistered(kEnglish);

}  // namespace

std::string url_segment(const std::string& id) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : id) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') out.push_back(static_cast<char>(c));
        else out += {'%', hex[c >> 4], hex[c & 15]};
    }
    return out;
}

void ApiClient::get(const std::string& path, Callback done) { send("GET", path, "", std::move(done)); }

void ApiClient::post(const std::string& path, const Json& body, Callback done) {
    send("POST", path, body.dump(-1, ' ', false, Json::error_handler_t::replace), std::move(done));
}

void ApiClient::put(const std::string& path, const Json& body, Callback done) {
    send("PUT", path, body.dump(-1, ' ', false, Json::error_handler_t::replace), std::move(done));
}

void ApiClient::del(const std::string& path, Callback done) { send("DELETE", path, "", std::move(done)); }

int ApiClient::upload(const std::string& path, const std::string& content_type, std::string bytes, Callback done,
                      Progress progress) {
    unsigned sent_in = generation_;
    // Progress, like the reply, is dropped after signing out: the box that asked is gone.
    auto progress_now = [this, sent_in, progress = std::move(progress)](double sent, double total) {
        if (sent_in == generation_ && progress) progress(sent, total);
    };
    return platform::http_upload(path, content_type, std::move(bytes), std::move(progress_now),
                              [this, sent_in, done = std::move(done)](const platform::HttpResponse& r) {
                                  if (sent_in != generation_) return;
                                  fonts::note_text(r.body);
                                  ApiReply reply = to_reply(r);
                                  if (reply.status == 401 && on_signed_out) {
                                      on_signed_out();
                                      return;
                                  }
                                  if (done) done(reply);
                              });
}

void ApiClient::cancel_upload(int id) { platform::http_cancel_upload(id); }

void ApiClient::forget_pending() { ++generation_; }

void ApiClient::send(const char* method, const std::string& path, const std::string& body, Callback done) {
    unsigned sent_in = generation_;
    bool is_sign_in = path == "/api/v1/session";
    platform::http_request(method, path, body, [this, sent_in, is_sign_in, done = std::move(done)](const platform::HttpResponse& r) {
        if (sent_in != generation_) return;
        fonts::note_text(r.body);  // the glyphs its texts need join the atlas
        ApiReply reply = to_reply(r);
        if (reply.status == 401 && !is_sign_in && on_signed_out) {
            on_signed_out();
            return;
        }
        if (done) done(reply);
    });
}

}  // namespace app
