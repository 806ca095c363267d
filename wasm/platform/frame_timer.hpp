// A frame later on: for what changes on screen by itself after a while, without input
// (a long press becoming a selection, "för 5 min sedan" becoming "för 6 min sedan").
// Implemented beside the scheduler (frame_scheduler.cpp).
#pragma once

namespace platform {

// Draw a few frames `ms` milliseconds from now. One timer at a time: a new call
// replaces the pending one only if it is due sooner.
void request_frames_after(double ms);

}  // namespace platform
