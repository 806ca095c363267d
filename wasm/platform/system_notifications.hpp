// The system's notifications (the browser's Notification API): a small window outside
// the page while Skolnav is in a background tab. The browser asks the user once; Skolnav
// asks only when the user presses a button for it (never on page load).
#pragma once
#include <functional>
#include <string>

namespace platform {

enum class NotificationPermission { Unsupported, Default, Granted, Denied };

NotificationPermission notification_permission();
// Asks the browser (call it from a click); `answered` runs when the user has chosen.
void request_notification_permission(std::function<void()> answered);

// Shows one when permission is granted: `title`, `body` under it; `tag` replaces an
// earlier one with the same tag. Clicking it focuses this window and goes to `hash`.
void show_system_notification(const std::string& title, const std::string& body, const std::string& tag,
                              const std::string& hash);

// The page is not visible (another tab in front, the window minimised).
bool document_hidden();

}  // namespace platform
