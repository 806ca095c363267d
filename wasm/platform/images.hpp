// Pictures from the server on the canvas: the browser fetches a picture (same origin,
// the session cookie goes along) and decodes it itself (createImageBitmap), and the
// decoded pixels go straight into a WebGL texture, never through the wasm heap. The
// texture's id is registered in Emscripten's GL table, so ImGui draws it as an
// ImTextureID. Textures live in one cache with a memory budget: pictures not drawn in
// the last frame are freed first when a new one needs room.
#pragma once
#include <string>

namespace platform {

enum class ImageState { Loading, Ready, Failed };

struct Image {
    ImageState state = ImageState::Loading;
    unsigned texture = 0;               // GL texture name (ImTextureID) when Ready
    int width = 0, height = 0;          // the texture's size in pixels
    int natural_width = 0, natural_height = 0;  // the picture's own size (larger when it was scaled to fit)
    int http_status = 0;                // when Failed: the server's status; 0 if it never answered or did not decode
};

// The picture at `url`. The first call starts fetching it (a few at a time); later calls
// report how far it has come. Call it each frame the picture is drawn: that keeps it in
// the cache. A frame is requested when it arrives.
const Image& image(const std::string& url);

// Fetches a picture again (after a failure).
void retry_image(const std::string& url);

// Frees the picture's texture now; asking for it later fetches it again.
void release_image(const std::string& url);

// Pictures asked for and not yet arrived (queued or on their way).
int images_loading();

}  // namespace platform
