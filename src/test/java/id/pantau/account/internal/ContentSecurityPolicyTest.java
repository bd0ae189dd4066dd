package id.pantau.account.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContentSecurityPolicyTest {

    @Test
    void withoutATileServerImagesComeOnlyFromPantau() {
        assertThat(SecurityConfiguration.contentSecurityPolicy(""))
                .contains("img-src 'self' data:;").contains("script-src 'self';");
    }

    @Test
    void aConfiguredTileServerIsAllowedForImages() {
        assertThat(SecurityConfiguration.contentSecurityPolicy("https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png"))
                .contains("img-src 'self' data: https://*.tile.openstreetmap.org;");
        assertThat(SecurityConfiguration.contentSecurityPolicy("http://tiles.example.id:8081/{z}/{x}/{y}.png"))
                .contains("img-src 'self' data: http://tiles.example.id:8081;");
    }

    @Test
    void aRelativeTileUrlIsAConfigurationError() {
        assertThatThrownBy(() -> SecurityConfiguration.contentSecurityPolicy("/tiles/{z}/{x}/{y}.png"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pantau.map.tile-url");
    }
}
