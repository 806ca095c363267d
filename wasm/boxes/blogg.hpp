// Blogg: the teachers' posts for the pupil's groups; pupils comment.
// The list comes newest first with each post's number of comments; opening a post
// fetches it with its files and comments. The pupil themself may comment and delete
// their own comments (the server says so: can_comment, can_delete); guardians read.
#pragma once
#include <string>
#include <vector>

#include "app/fetch_state.hpp"
#include "app/ui.hpp"
#include "boxes/box.hpp"

namespace boxes {

struct BlogFile {
    std::string filename, url;
    long long size = 0;  // bytes
};

struct BlogComment {
    std::string id, author, body, created_at;
    bool can_delete = false;
};

struct BlogPost {
    std::string id, title, body, author, published_at, changed_at;
    std::vector<BlogFile> files;
    std::vector<BlogComment> comments;
    int comment_count = 0;
    bool can_comment = false;
};

class BloggBox : public Box {
public:
    explicit BloggBox(std::string pupil_id) : pupil_id_(std::move(pupil_id)) {}
    void draw_full_view(BoxContext& ctx, const app::Pupil& pupil) override;
    void on_open(BoxContext& ctx) override;
    bool show_item(BoxContext& ctx, const std::string& item_id) override;
    bool item_missing() const override { return open_.gone; }

private:
    using Load = app::Load;

    void load(BoxContext& ctx);
    void open_post(BoxContext& ctx, const BlogPost& post);
    void fetch_post(BoxContext& ctx);
    void close_post();
    void send_comment(BoxContext& ctx);
    void delete_comment(BoxContext& ctx, const std::string& comment_id);
    void set_count_here(const std::string& post_id, int count);
    void draw_list(BoxContext& ctx);
    void draw_post(BoxContext& ctx);
    void draw_comments(BoxContext& ctx);
    void draw_form(BoxContext& ctx);

    std::string pupil_id_;

    // The list.
    app::Fetch fetch_;
    std::vector<BlogPost> posts_;
    bool can_comment_ = false;

    // The open post (empty id: the list is shown).
    app::OpenItem open_;
    BlogPost post_;
    app::ui::ListScroll scroll_;  // back to where the list was

    // Commenting.
    char comment_[8192] = {};
    bool sending_ = false;
    std::string form_error_, form_success_;
    std::string confirm_id_;   // the comment whose deletion is being confirmed
    std::string deleting_id_;  // the comment being deleted
    std::string comments_error_;
};

}  // namespace boxes
