package id.pantau.shared.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;

/** Adds what the page layout needs to every rendered page: the language switch and the map settings. */
@Component
class LayoutModel implements HandlerInterceptor {

    private final String tileUrl;
    private final String tileAttribution;

    LayoutModel(@Value("${pantau.map.tile-url:}") String tileUrl,
                @Value("${pantau.map.tile-attribution:}") String tileAttribution) {
        this.tileUrl = tileUrl;
        this.tileAttribution = tileAttribution;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           @Nullable ModelAndView page) {
        if (page == null || (page.getViewName() != null && page.getViewName().startsWith("redirect:"))) {
            return;
        }
        page.addObject("otherLanguageUrl", otherLanguageUrl(request));
        page.addObject("tileUrl", tileUrl);
        page.addObject("tileAttribution", tileAttribution);
    }

    /** The same page in the other language: keeps the path and query, swaps {@code lang}. */
    private static String otherLanguageUrl(HttpServletRequest request) {
        String current = RequestContextUtils.getLocale(request).getLanguage();
        String other = "en".equals(current) ? "id" : "en";
        String query = request.getQueryString();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return UriComponentsBuilder.fromUriString(path + (query == null ? "" : "?" + query))
                .replaceQueryParam(WebConfiguration.LANGUAGE_PARAMETER, other)
                .build().toUriString();
    }
}
