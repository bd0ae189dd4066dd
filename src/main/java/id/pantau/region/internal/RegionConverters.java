package id.pantau.region.internal;

import id.pantau.region.RegionCode;
import id.pantau.region.RegionLevel;
import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Lets controllers take region codes and levels as typed parameters; bad values become 400s naming
 * the parameter. An empty value is no value, as for Spring's own types: a filter form sends its
 * empty fields ({@code ?region=&q=...}), and that means "any region".
 */
final class RegionConverters {

    private RegionConverters() {
    }

    @Component
    static class ToRegionCode implements Converter<String, RegionCode> {
        @Override
        public @Nullable RegionCode convert(String source) {
            return source.isBlank() ? null : RegionCode.parse(source);
        }
    }

    @Component
    static class ToRegionLevel implements Converter<String, RegionLevel> {
        @Override
        public @Nullable RegionLevel convert(String source) {
            return source.isBlank() ? null : RegionLevel.fromApiName(source);
        }
    }
}
