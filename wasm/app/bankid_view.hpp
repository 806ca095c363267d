// "Logga in med BankID" on the sign-in screen: the two ways BankID's guidelines
// describe. "BankID på en annan enhet" shows the animated QR code, redrawn each second
// from the modules the server sends (the client has no QR encoder and never sees the
// secret); "BankID på den här enheten" starts the app with its autostart token. Both
// show BankID's message for the order's state, with "Avbryt". The order's state is asked
// for once a second while this view is open, and never otherwise.
#pragma once
#include <functional>
#include <string>

#include "app/api_client.hpp"

namespace app {

class BankIdView {
public:
    // One panel `width` wide. `signed_in` runs once the server has started a session.
    void draw(ApiClient& api, float width, const std::function<void()>& signed_in);
    bool active() const { return mode_ != Mode::None; }
    // Leaving the sign-in screen: the order is cancelled at BankID.
    void close(ApiClient& api);

private:
    enum class Mode { None, OtherDevice, ThisDevice };
    void start(ApiClient& api, Mode mode);
    void poll(ApiClient& api, const std::function<void()>& signed_in);
    void take(const ApiReply& reply, const std::function<void()>& signed_in);
    void draw_qr(float width);
    void draw_choice(ApiClient& api, float width);

    Mode mode_ = Mode::None;
    std::string order_, auto_start_token_;
    std::string status_, message_, error_;
    int qr_size_ = 0;
    std::string qr_rows_;
    bool waiting_ = false;    // a request is on its way
    double next_poll_ = 0;    // ms (emscripten_get_now)
    unsigned attempt_ = 0;    // replies to an earlier order are dropped
};

}  // namespace app
