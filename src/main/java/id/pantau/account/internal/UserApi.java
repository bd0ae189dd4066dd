package id.pantau.account.internal;

import java.net.URI;

import id.pantau.account.Actor;
import id.pantau.account.Role;
import id.pantau.region.RegionCode;
import id.pantau.shared.Idempotency;
import id.pantau.shared.PageRequest;
import id.pantau.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Accounts, managed by administrators and staff inside their own region's subtree. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Users")
class UserApi {

    private final AccountService accounts;
    private final AccountRepository repository;
    private final Idempotency idempotency;

    UserApi(AccountService accounts, AccountRepository repository, Idempotency idempotency) {
        this.accounts = accounts;
        this.repository = repository;
        this.idempotency = idempotency;
    }

    @PostMapping("/users")
    @Operation(summary = "Create an account (admin, or staff inside their subtree); honours Idempotency-Key")
    ResponseEntity<?> create(Actor actor, @RequestBody NewAccount request,
                             @RequestHeader(name = Idempotency.HEADER, required = false) @Nullable String key) {
        return idempotency.create("account:" + actor.id(), key, request, () -> {
            AccountView created = accounts.create(actor, request);
            return ResponseEntity.created(URI.create("/api/v1/users/" + created.id())).body(created);
        });
    }

    @GetMapping("/users")
    @Operation(summary = "Accounts in the caller's subtree, optionally within a region, by role or name")
    PageResult<AccountView> list(Actor actor,
                                 @RequestParam(required = false) @Nullable RegionCode region,
                                 @RequestParam(required = false) @Nullable Role role,
                                 @RequestParam(required = false) @Nullable String q,
                                 @RequestParam(required = false) @Nullable Integer page,
                                 @RequestParam(required = false) @Nullable Integer size) {
        return accounts.list(actor, region, role, q, PageRequest.of(page, size));
    }

    @GetMapping("/users/{id}")
    AccountView get(Actor actor, @PathVariable long id) {
        return accounts.get(actor, id);
    }

    @PatchMapping("/users/{id}")
    @Operation(summary = "Change roles, home region (\"\" for national), display name, enabled or password")
    AccountView update(Actor actor, @PathVariable long id, @RequestBody AccountChanges changes) {
        return accounts.update(actor, id, changes);
    }

    @GetMapping("/me")
    @Operation(summary = "The signed-in account")
    AccountView me(Actor actor) {
        return repository.find(actor.id()).orElseThrow().view();
    }
}
