// The client's widgets on top of ImGui: each reports itself to the widget registry
// with a role, so tests and assistive tech see the same labels the user sees.
#pragma once
#include <string>
#include <string_view>

#include "app/fonts.hpp"
#include "imgui.h"

namespace app::ui {

// Text, registered so it is readable from JavaScript. Wraps at the content edge.
void Text(std::string_view text, ImU32 color = 0, fonts::Face face = fonts::Face::Body);
void MutedText(std::string_view text);
void Heading(std::string_view text);
void Title(std::string_view text);

// Buttons. `label` may carry an icon prefix and an "##id" suffix.
bool PrimaryButton(const char* label, bool enabled = true, float width = 0);
bool SecondaryButton(const char* label, bool enabled = true);
bool QuietButton(const char* label);  // text-like, e.g. "Tillbaka", "Logga ut"
// "← Tillbaka till nyheterna": a QuietButton behind the back arrow, moved left so its
// text (not its frame) lines up with the content. `label` may end in "##id".
bool BackButton(std::string_view label);
bool Radio(const char* label, bool selected);
bool Tab(const char* label, bool selected);  // a segment in a switcher row

// A labelled text field: label above, field below at full width. Returns true when
// Enter was pressed in it.
bool InputField(const char* label, char* buffer, size_t size, bool password = false,
                const char* hint = nullptr);

// A tinted note with an icon: status is never told by colour alone.
enum class Tone { Error, Success, Info };
void Note(std::string_view text, Tone tone);

// A pill with a short text ("3 nya"), drawn so its right edge and vertical centre are
// at `right_centre`; returns its left edge. Strong: filled with the accent colour.
float Badge(std::string_view text, ImVec2 right_centre, bool strong);

// An animated spinner with a text beside it ("Hämtar …").
void Loading(std::string_view text);

// A request that failed: the error, and "Försök igen" under it. When trying again cannot
// help (`can_retry` false: the server refused), the message is told as information and
// there is no button. `retry_label` replaces tr("Försök igen") where a view has several
// (e.g. tr("Försök igen##grades")). Returns true when "Försök igen" was pressed, and in
// the first frame after contact with the server came back (the view retries by itself).
bool ErrorAndRetry(std::string_view error, bool can_retry = true, const char* retry_label = nullptr);
// First thing in a frame: whether contact with the server came back since the last one.
void BeginFrameRetries();
// True during the frame after contact came back: what failed is fetched again.
bool RetryingAfterReconnect();
// What a view shows until its first fetch has come: Loading(loading_text) while it is
// under way, ErrorAndRetry when it failed. Returns true when "Försök igen" was pressed.
bool LoadingOrError(bool failed, std::string_view error, std::string_view loading_text, bool can_retry = true,
                    const char* retry_label = nullptr);

// A clickable card: white rounded panel; the caller draws its content inside while
// the returned scope is open. Returns true when clicked.
struct CardResult {
    bool clicked = false;
    ImVec2 min, max;  // screen rectangle
};
CardResult CardButton(const char* label, ImVec2 size);

// The ">" at the right of a card that opens something: its right edge and vertical centre
// at `right_centre` (screen position).
void Chevron(ImVec2 right_centre);

// Scrolling for a view that opens one item of its list: the item starts at the top, and
// going back shows the list where it was. Asked for anywhere; done by apply(), first thing
// in the view's draw, where its window is current.
// The page's scroll position, also between frames (an item opened by the back button
// or a link, not a click).
float PageScrollY();

// Scrolls the page so that `screen_y` (a screen position in the current frame) comes
// a little below the top: an item a link named, in a view that shows many.
void ScrollPageTo(float screen_y);
// An accent frame around a block (screen rectangle): the item a link named.
void LinkedFrame(ImVec2 min, ImVec2 max);

class ListScroll {
public:
    void open_item();     // remember where the list is; the item starts at the top
    void back_to_list();  // the list again, where it was
    void to_top();        // the item's top again (its next page, a new state)
    void cancel();        // a new visit: nothing pending
    void apply();

private:
    float list_y_ = 0, to_y_ = 0;
    bool pending_ = false;
};

// A plain (non-clickable) panel behind a block of content.
void BeginPanel(const char* id);
void EndPanel();

// Vertical space in CSS pixels.
void Space(float pixels);
// A thin line across the content, with a little space above and below (e.g. between
// an article's heading and its text).
void Divider();
// An article's heading (a news item, a blog post, a plan): the title, a muted line under
// it ("Publicerad …", "Period: …") and, unless `about` is empty, a small muted line close
// under that ("Till: 7A · Ändrad …").
void ArticleHeading(std::string_view title, std::string_view line, std::string_view about);

// --- Laying out text (for views that place text themselves, such as list cards) ---

// The size `text` takes in `face` when wrapped at `wrap` (FLT_MAX: one line).
ImVec2 TextSize(fonts::Face face, const std::string& text, float wrap);
// Text at a screen position, wrapped at `width`, registered like every Text.
void TextAt(ImVec2 pos, float width, const std::string& text, ImU32 color, fonts::Face face);
// `text` cut to at most `lines` lines when wrapped at `width` in the current font, with
// " …" where it was cut.
std::string ClipToLines(const std::string& text, float width, int lines);
// A button's width in the current style ("##id" not counted).
float ButtonWidth(const char* label);
// A row: a name (and a small muted line under it) at the left, a button at the right,
// e.g. an attached file and "Öppna". Returns true when the button was pressed.
bool NamedAction(const std::string& name, const std::string& detail, const std::string& button_label);
// "12 kB", "1,4 MB": a file's size as people read it.
std::string FileSize(long long bytes);

// A checkbox big enough for a finger: a drawn box with a tick, the label beside it, and
// the whole row clickable. Flips *value and returns true when clicked. Registers as a
// "checkbox" with its checked state.
bool Checkbox(const char* label, bool* value, bool enabled = true);

}  // namespace app::ui
