// Information: the school's news for the pupil, an article with its files and links.
// The list comes newest first with the caller's read marks; opening an item fetches it,
// which marks it read on the server (GET /pupils/{pupil}/news/{item} does that), and
// shows the whole text with its links and attached files.
#pragma once
#include <string>
#include <vector>

#include "app/fetch_state.hpp"
#include "app/ui.hpp"
#include "boxes/box.hpp"

namespace boxes {

struct NewsLink {
    std::string title, url;
};

struct NewsFile {
    std::string filename, url;
    long long size = 0;  // bytes
};

struct NewsItem {
    std::string id, title, body, author, published_at, changed_at;
    std::string scope;  // "Hela skolan" or the groups' names
    std::vector<NewsLink> links;
    std::vector<NewsFile> files;
    bool read = false;
};

class InformationBox : public Box {
public:
    explicit InformationBox(std::string pupil_id) : pupil_id_(std::move(pupil_id)) {}
    void draw_full_view(BoxContext& ctx, const app::Pupil& pupil) override;
    void on_open(BoxContext& ctx) override;
    bool show_item(BoxContext& ctx, const std::string& item_id) override;
    bool item_missing() const override { return open_.gone; }

private:
    using Load = app::Load;

    void load(BoxContext& ctx);
    void open_item(BoxContext& ctx, const NewsItem& item);
    void fetch_item(BoxContext& ctx);
    void close_item();
    void draw_list(BoxContext& ctx);
    void draw_article(BoxContext& ctx);
    void mark_read_here(const std::string& id);

    std::string pupil_id_;

    // The list.
    app::Fetch fetch_;
    std::vector<NewsItem> items_;
    int unread_ = 0;

    // The open article (empty id: the list is shown).
    app::OpenItem open_;
    NewsItem article_;
    std::string copied_;         // which address was last copied ("link0", "file1")
    app::ui::ListScroll scroll_;  // back to where the list was
};

}  // namespace boxes
