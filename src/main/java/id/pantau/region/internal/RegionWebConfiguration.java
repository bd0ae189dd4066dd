package id.pantau.region.internal;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

@Configuration(proxyBeanMethods = false)
class RegionWebConfiguration {

    /**
     * Boundary files are large and never change between releases: let a map reload answer 304.
     * Weak ETags, because Tomcat does not gzip a response carrying a strong one.
     */
    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> boundaryEtags() {
        var etags = new ShallowEtagHeaderFilter();
        etags.setWriteWeakETag(true);
        var registration = new FilterRegistrationBean<>(etags);
        registration.addUrlPatterns("/api/v1/regions/*");
        return registration;
    }
}
