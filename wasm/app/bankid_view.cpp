#include "app/bankid_view.hpp"

#include <emscripten.h>

#include <algorithm>
#include <cmath>

#include "app/i18n.hpp"
#include "app/json_util.hpp"
#include "app/theme.hpp"
#include "app/ui.hpp"
#include "imgui.h"
#include "platform/browser.hpp"
#include "platform/frame_timer.hpp"

namespace app {

namespace {
constexpr double kPollMs = 1000.0;
constexpr int kQuietZone = 4;  // modules of white around the code, as QR readers expect
}  // namespace

void BankIdView::start(ApiClient& api, Mode mode) {
    close(api);
    mode_ = mode;
    const unsigned attempt = ++attempt_;
    status_ = "starting";
    message_.clear();
    error_.clear();
    qr_rows_.clear();
    qr_size_ = 0;
    waiting_ = true;
    api.post("/api/v1/bankid/orders", Json{{"qr", mode == Mode::OtherDevice}}, [this, attempt](const ApiReply& reply) {
        if (attempt != attempt_) return;
        waiting_ = false;
        if (!reply.ok()) {
            status_ = "failed";
            error_ = reply.error.message;
            return;
        }
        order_ = text(reply.body, "order");
        auto_start_token_ = text(reply.body, "auto_start_token");
        status_ = text(reply.body, "status");
        message_ = text(reply.body, "message");
        next_poll_ = 0;  // the QR code at once
        if (mode_ == Mode::ThisDevice && !auto_start_token_.empty())
            platform::launch_app("bankid:///?autostarttoken=" + auto_start_token_ + "&redirect=null");
    });
}

void BankIdView::close(ApiClient& api) {
    if (!order_.empty() && status_ == "pending") api.del("/api/v1/bankid/orders/" + url_segment(order_), [](const ApiReply&) {});
    ++attempt_;
    mode_ = Mode::None;
    order_.clear();
    status_.clear();
    waiting_ = false;
}

void BankIdView::poll(ApiClient& api, const std::function<void()>& signed_in) {
    const unsigned attempt = attempt_;
    waiting_ = true;
    next_poll_ = emscripten_get_now() + kPollMs;
    api.get("/api/v1/bankid/orders/" + url_segment(order_), [this, attempt, signed_in](const ApiReply& reply) {
        if (attempt != attempt_) return;
        waiting_ = false;
        take(reply, signed_in);
    });
}

void BankIdView::take(const ApiReply& reply, const std::function<void()>& signed_in) {
    if (!reply.ok()) {
        status_ = "failed";
        error_ = reply.error.message;
        return;
    }
    status_ = text(reply.body, "status");
    message_ = text(reply.body, "message");
    const Json& qr = field(reply.body, "qr");
    if (qr.is_object() && field(qr, "size").is_number_integer()) {
        qr_size_ = field(qr, "size").get<int>();
        qr_rows_ = text(qr, "rows");
        if (qr_size_ <= 0 || qr_size_ > 177 || qr_rows_.size() != static_cast<size_t>(qr_size_ * ((qr_size_ + 3) / 4)))
            qr_size_ = 0;  // not a code this client can draw
    } else {
        qr_size_ = 0;
    }
    if (status_ == "complete") {
        mode_ = Mode::None;
        order_.clear();
        signed_in();
    }
}

// The modules as dark squares on white, each a whole number of pixels so the code
// stays sharp (and readable by a camera, or by zbarimg from a screenshot).
void BankIdView::draw_qr(float width) {
    const int total = qr_size_ + 2 * kQuietZone;
    const float scale = ImGui::GetIO().DisplayFramebufferScale.x > 0 ? ImGui::GetIO().DisplayFramebufferScale.x : 1.0f;
    const float side = std::min(width, 260.0f);
    const float module = std::max(1.0f, std::floor(side * scale / total)) / scale;
    const float drawn = module * total;
    ImVec2 origin = ImGui::GetCursorScreenPos();
    origin.x = std::round((origin.x + (width - drawn) * 0.5f) * scale) / scale;
    origin.y = std::round(origin.y * scale) / scale;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(origin, ImVec2(origin.x + drawn, origin.y + drawn), IM_COL32(255, 255, 255, 255));
    const int digits = (qr_size_ + 3) / 4;
    for (int y = 0; y < qr_size_; ++y)
        for (int x = 0; x < qr_size_; ++x) {
            const char h = qr_rows_[static_cast<size_t>(y * digits + x / 4)];
            const int nibble = h >= 'a' ? h - 'a' + 10 : h - '0';
            if (!((nibble >> (3 - x % 4)) & 1)) continue;
            const ImVec2 a(origin.x + (x + kQuietZone) * module, origin.y + (y + kQuietZone) * module);
            dl->AddRectFilled(a, ImVec2(a.x + module, a.y + module), IM_COL32(0, 0, 0, 255));
        }
    ImGui::Dummy(ImVec2(width, drawn));
}

void BankIdView::draw_choice(ApiClient& api, float width) {
    if (ui::PrimaryButton(tr("BankID på en annan enhet"), true, width)) start(api, Mode::OtherDevice);
    ui::Space(4);
    if (ui::PrimaryButton(tr("BankID på den här enheten"), true, width)) start(api, Mode::ThisDevice);
}

void BankIdView::draw(ApiClient& api, float width, const std::function<void()>& signed_in) {
    ui::Heading(tr("Logga in med BankID"));
    if (mode_ == Mode::None) {
        draw_choice(api, width);
        return;
    }
    // Asked once a second while open; a frame is asked for when the next one is due.
    if (status_ == "pending" && !order_.empty()) {
        const double now = emscripten_get_now();
        if (!waiting_ && now >= next_poll_) poll(api, signed_in);
        else if (!waiting_) platform::request_frames_after(next_poll_ - now);
    }
    const bool other = mode_ == Mode::OtherDevice;
    ui::MutedText(other ? tr("BankID på en annan enhet") : tr("BankID på den här enheten"));
    ui::Space(4);
    if (status_ == "starting") ui::Loading(tr("Startar BankID …"));
    if (status_ == "pending") {
        if (other && qr_size_ > 0) {
            ui::Text(tr("Starta BankID-appen på din mobil eller surfplatta och tryck på QR-ikonen. Skanna sedan QR-koden."));
            ui::Space(6);
            draw_qr(width);
            ui::Space(6);
        }
        if (!message_.empty()) ui::Note(message_, ui::Tone::Info);
        if (!other && !auto_start_token_.empty() &&
            ui::SecondaryButton(tr("Starta BankID-appen")))
            platform::launch_app("bankid:///?autostarttoken=" + auto_start_token_ + "&redirect=null");
    }
    if (status_ == "failed") {
        ui::Note(error_.empty() ? message_ : error_, ui::Tone::Error);
        ui::Space(4);
        if (ui::PrimaryButton(tr("Försök igen##bankid"), true, width)) {
            const Mode again = mode_;
            start(api, again);
            return;
        }
    }
    ui::Space(4);
    if (ui::QuietButton(tr("Avbryt##bankid"))) close(api);
}

namespace {
const EnglishText kEnglish[] = {
    {"Logga in med BankID", "Sign in with BankID"},
    {"BankID på en annan enhet", "BankID on another device"},
    {"BankID på den här enheten", "BankID on this device"},
    {"Startar BankID …", "Starting BankID …"},
    {"Starta BankID-appen på din mobil eller surfplatta och tryck på QR-ikonen. Skanna sedan QR-koden.",
     "Start the BankID app on your phone or tablet and tap the QR icon. Then scan the QR code."},
    {"Starta BankID-appen", "Start the BankID app"},
    {"Avbryt", "Cancel"},
};
const EnglishTexts kRegistered(kEnglish);
}  // namespace

}  // namespace app
