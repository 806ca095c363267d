// Live updates from the server: one Server-Sent Events stream (EventSource) at a URL on
// this origin, cookies included. The browser reconnects by itself after a dropped
// connection and sends Last-Event-ID, so the server resends what was missed. When the
// stream ends for good (the server answered with an error status: signed out, a proxy
// without streaming, the route missing), it is opened again after a growing pause
// (1 s, 2 s, 4 s … 30 s), from the last event id received (?after=ID).
// Each message of the named event is handed over as its text and frames are requested;
// comments (": ping") and the pauses draw nothing. The tabs of one signed-in person share
// one stream: one tab holds it and passes its messages to the others (live.cpp).
#pragma once
#include <functional>
#include <string>

namespace platform {

struct LiveHandlers {
    std::function<void(const std::string& data)> message;  // one message's data (JSON text)
    // The stream ended and will be opened again after a pause: a moment to catch up
    // another way (and to learn that the session is gone).
    std::function<void()> closed;
};

// Opens the stream at `url` ("/api/v1/events") listening for `event_name`
// ("notifications"), shared by the tabs where `owner` (the person's id) is signed in;
// replaces a stream already open.
void live_open(const std::string& url, const std::string& event_name, const std::string& owner,
               LiveHandlers handlers);
// Closes the stream and stops reopening it (signing out).
void live_close();
// Connected right now (a message or the stream's start seen since the last error).
bool live_connected();

// `done` once, after `ms` milliseconds (e.g. to gather a burst of messages into one fetch).
void call_later(double ms, std::function<void()> done);

}  // namespace platform
