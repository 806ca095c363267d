// Whether the server answers. Contact is lost when a request gets no answer at all (the
// server gone, the network down) or a proxy's 502/503/504 in its place, and is back when
// anything answers. While it is lost, a quiet probe (GET /api/v1/me, outside the request
// count, drawing nothing) asks again after a growing pause, 1 s, 2 s, 4 s … 10 s: a timer,
// not frames, so an idle page stays idle. The live stream's errors start a probe at once
// and its reopening counts as contact. Views learn that contact came back from
// connection_restored_count() and retry what failed (app/ui.cpp ErrorAndRetry).
#pragma once

namespace platform {

// A reply's HTTP status (0: no answer).
void connection_note_status(int status);
// Something suggests the server may be gone (the live stream dropped): probe now.
void connection_check();
// No contact right now.
bool connection_lost();
// How many times contact came back since the page loaded.
unsigned connection_restored_count();

}  // namespace platform
