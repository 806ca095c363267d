// Render on demand: a frame is drawn only when something changed (input, a reply, an
// animation). Idle pages cost nothing: no requestAnimationFrame loop runs.
#pragma once
#include <functional>

namespace platform {

// The function that draws one frame. Returns true when the frame differs from the
// previous one (or input is still queued), so the scheduler draws another until stable.
using FrameFunction = std::function<bool()>;

void set_frame_function(FrameFunction draw);

// Something changed (an event, a reply): draw at least `frames` more frames.
// ImGui needs two or three frames to turn a click into a state change and settle.
void request_frames(int frames = 3);

// Called while drawing: an animation runs, so the next frame is needed too.
void keep_animating();

// Frames drawn since start; JavaScript reads it so tests can see the page idle.
unsigned frame_count();

// True while frames are scheduled.
bool frames_scheduled();

}  // namespace platform
