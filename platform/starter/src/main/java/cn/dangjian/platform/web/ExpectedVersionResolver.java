package cn.dangjian.platform.web;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Resolves {@link ExpectedVersion} parameters from the {@code If-Match} request header. */
public class ExpectedVersionResolver implements HandlerMethodArgumentResolver {

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == ExpectedVersion.class;
  }

  @Override
  public ExpectedVersion resolveArgument(
      MethodParameter parameter,
      ModelAndViewContainer mavContainer,
      NativeWebRequest webRequest,
      WebDataBinderFactory binderFactory) {
    return new ExpectedVersion(Versions.fromIfMatch(webRequest.getHeader(HttpHeaders.IF_MATCH)));
  }
}
