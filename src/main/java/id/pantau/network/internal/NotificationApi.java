package id.pantau.network.internal;

import id.pantau.account.Actor;
import id.pantau.shared.PageRequest;
import id.pantau.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The notices raised for the offices in your region. */
@RestController
@Tag(name = "Notifications")
class NotificationApi {

    private final NetworkNotifications notifications;

    NotificationApi(NetworkNotifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/api/v1/notifications")
    @Operation(summary = "Notices (AGREEMENT_EXPIRING, FOLLOW_UP_OVERDUE), newest first; sentAt when mailed")
    PageResult<NetworkNotifications.Notice> list(Actor actor, @RequestParam(required = false) @Nullable String kind,
                                                 @RequestParam(required = false) @Nullable Integer page,
                                                 @RequestParam(required = false) @Nullable Integer size) {
        return notifications.list(actor, kind, PageRequest.of(page, size));
    }
}
