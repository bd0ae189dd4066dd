package id.pantau.region.internal;

import id.pantau.region.RegionCode;
import id.pantau.region.RegionLevel;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** Lets controllers take region codes and levels as typed parameters; bad values become 400s naming the parameter. */
final class RegionConverters {

    private RegionConverters() {
    }

    @Component
    static class ToRegionCode implements Converter<String, RegionCode> {
        @Override
        public RegionCode convert(String source) {
            return RegionCode.parse(source);
        }
    }

    @Component
    static class ToRegionLevel implements Converter<String, RegionLevel> {
        @Override
        public RegionLevel convert(String source) {
            return RegionLevel.fromApiName(source);
        }
    }
}
