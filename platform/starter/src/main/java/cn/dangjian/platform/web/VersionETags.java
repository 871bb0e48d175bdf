package cn.dangjian.platform.web;

import java.lang.reflect.RecordComponent;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Every answer whose body carries a {@code version} also carries it as the {@code ETag}, as the API
 * documents declare — whether or not the controller used {@link Versions}. A client can always take
 * the ETag of what it just read or wrote and send it back in {@code If-Match}.
 */
@ControllerAdvice
public class VersionETags implements ResponseBodyAdvice<Object> {

  @Override
  public boolean supports(
      MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
    return true;
  }

  @Override
  public Object beforeBodyWrite(
      Object body,
      MethodParameter returnType,
      MediaType selectedContentType,
      Class<? extends HttpMessageConverter<?>> selectedConverterType,
      ServerHttpRequest request,
      ServerHttpResponse response) {
    if (body != null
        && body.getClass().isRecord()
        && !response.getHeaders().containsHeader(HttpHeaders.ETAG)) {
      Long version = versionOf(body);
      if (version != null) {
        response.getHeaders().setETag(Versions.etag(version));
      }
    }
    return body;
  }

  private static Long versionOf(Object record) {
    for (RecordComponent component : record.getClass().getRecordComponents()) {
      if (component.getName().equals("version")
          && (component.getType() == long.class || component.getType() == Long.class)) {
        try {
          var accessor = component.getAccessor();
          accessor.setAccessible(true); // views are often package-private records
          return ((Number) accessor.invoke(record)).longValue();
        } catch (ReflectiveOperationException e) {
          return null;
        }
      }
    }
    return null;
  }
}
