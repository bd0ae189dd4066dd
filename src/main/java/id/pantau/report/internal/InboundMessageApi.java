package id.pantau.report.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import id.pantau.account.Actor;
import id.pantau.shared.InvalidInputException;
import id.pantau.shared.PageRequest;
import id.pantau.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The webhook for SMS/WhatsApp gateways. A gateway signs each request body with the shared
 * secret ({@code PANTAU_SMS_WEBHOOK_SECRET}): header {@code X-Pantau-Signature: sha256=<hex
 * HMAC-SHA256 of the raw body>}. The answer's {@code reply} is the text to send back.
 */
@RestController
@Tag(name = "Text messages")
class InboundMessageApi {

    static final String SIGNATURE_HEADER = "X-Pantau-Signature";

    private final TextMessages messages;
    private final JsonMapper json;
    private final String secret;

    InboundMessageApi(TextMessages messages, JsonMapper json, @Value("${pantau.sms.webhook-secret:}") String secret) {
        this.messages = messages;
        this.json = json;
        this.secret = secret;
    }

    @PostMapping(value = "/api/v1/inbound/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A text message from a gateway: {from, text, receivedAt}; answers {reply, outcome, trackingCode}")
    TextMessages.Answer receive(@RequestBody byte[] body,
                                @RequestHeader(name = SIGNATURE_HEADER, required = false) @Nullable String signature) {
        if (secret.isBlank()) {
            throw problem(HttpStatus.SERVICE_UNAVAILABLE, "Text-message intake is not configured on this instance");
        }
        if (signature == null || !MessageDigest.isEqual(expected(body), signature.strip().getBytes(StandardCharsets.US_ASCII))) {
            throw problem(HttpStatus.UNAUTHORIZED, "Missing or wrong " + SIGNATURE_HEADER + " (sha256=<HMAC-SHA256 of the body>)");
        }
        TextMessages.Inbound message;
        try {
            message = json.readValue(body, TextMessages.Inbound.class);
        } catch (JacksonException e) {
            throw InvalidInputException.of("body", "body.unreadable", "must be JSON {from, text, receivedAt}");
        }
        return messages.receive(message);
    }

    @GetMapping("/api/v1/inbound/messages")
    @Operation(summary = "Stored text messages by outcome (default UNREADABLE: initial information nobody could parse); "
            + "national staff and administrators; senders masked")
    PageResult<TextMessages.Stored> list(Actor actor, @RequestParam(defaultValue = "UNREADABLE") String outcome,
                                         @RequestParam(required = false) @Nullable Integer page,
                                         @RequestParam(required = false) @Nullable Integer size) {
        if (!List.of("REPORTED", "UNREADABLE", "HELP", "TRACK").contains(outcome)) {
            throw InvalidInputException.of("outcome", "outcome.unknown", "must be REPORTED, UNREADABLE, HELP or TRACK");
        }
        return messages.list(actor, outcome, PageRequest.of(page, size));
    }

    private byte[] expected(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return ("sha256=" + HexFormat.of().formatHex(mac.doFinal(body))).getBytes(StandardCharsets.US_ASCII);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ErrorResponseException problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        return new ErrorResponseException(status, problem, null);
    }
}
