package cn.dangjian.gateway.cors;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Front-end origins allowed to call the API from a browser ({@code dangjian.cors.*}).
 *
 * @param allowedOrigins exact origins or patterns such as {@code https://*.dangjian.cn}
 */
@ConfigurationProperties("dangjian.cors")
public record CorsProperties(
    @DefaultValue({"http://localhost:5173", "http://localhost:3000"})
        List<String> allowedOrigins) {}
