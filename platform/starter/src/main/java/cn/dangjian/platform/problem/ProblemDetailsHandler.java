package cn.dangjian.platform.problem;

import cn.dangjian.platform.persistence.DatabaseAway;
import cn.dangjian.platform.web.ImplausibleDateParameters;
import cn.dangjian.platform.web.InputHygieneModule;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error path of a service answers RFC 9457 problem+json with a stable {@code type} and a
 * detail in the caller's language (Chinese unless {@code Accept-Language: en}); never a stack
 * trace, never a 500 for bad input.
 */
@RestControllerAdvice
public class ProblemDetailsHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemDetailsHandler.class);

  private final ProblemFactory problems;

  public ProblemDetailsHandler(ProblemFactory problems) {
    this.problems = problems;
  }

  @ExceptionHandler(ProblemException.class)
  ResponseEntity<Object> handleProblem(ProblemException ex, HttpServletRequest request) {
    HttpHeaders headers = new HttpHeaders();
    ex.retryAfterSeconds()
        .ifPresent(seconds -> headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds)));
    return respond(problems.create(ex, locale(), request.getRequestURI()), headers);
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<Object> handleConstraintViolation(
      ConstraintViolationException ex, HttpServletRequest request) {
    List<Map<String, String>> errors = new ArrayList<>();
    ex.getConstraintViolations()
        .forEach(
            v ->
                errors.add(
                    Map.of(
                        "field", lastNode(v.getPropertyPath().toString()),
                        "message", v.getMessage())));
    return respond(validation(errors, request.getRequestURI()), new HttpHeaders());
  }

  @ExceptionHandler(OptimisticLockingFailureException.class)
  ResponseEntity<Object> handleOptimisticLock(
      OptimisticLockingFailureException ex, HttpServletRequest request) {
    return simple(ProblemType.CONCURRENT_MODIFICATION, request);
  }

  /**
   * A deadlock or lock-wait timeout: the transaction was rolled back and nothing was written; the
   * same request succeeds when sent again, so it is "try again shortly", not a server error.
   */
  @ExceptionHandler(PessimisticLockingFailureException.class)
  ResponseEntity<Object> handleLockFailure(
      PessimisticLockingFailureException ex, HttpServletRequest request) {
    log.warn(
        "lock conflict on {} {}: {}", request.getMethod(), request.getRequestURI(), ex.getClass());
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.RETRY_AFTER, "1");
    ProblemType type = ProblemType.SERVICE_UNAVAILABLE;
    return respond(
        problems.create(type, type.detailKey(), null, locale(), request.getRequestURI()), headers);
  }

  /**
   * The database cannot be reached (restarting, failing over, the pool exhausted): nothing was
   * written, the request can be sent again in a few seconds — 503 with Retry-After, not a server
   * error (the fault suite saw one 500 while the database restarted).
   */
  @ExceptionHandler({
    CannotCreateTransactionException.class,
    DataAccessResourceFailureException.class,
    RecoverableDataAccessException.class
  })
  ResponseEntity<Object> handleDatabaseUnavailable(Exception ex, HttpServletRequest request) {
    return databaseUnavailable(ex, request);
  }

  private ResponseEntity<Object> databaseUnavailable(Exception ex, HttpServletRequest request) {
    log.warn(
        "database unavailable on {} {}: {}",
        request.getMethod(),
        request.getRequestURI(),
        ex.getClass());
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.RETRY_AFTER, "5");
    ProblemType type = ProblemType.SERVICE_UNAVAILABLE;
    return respond(
        problems.create(type, type.detailKey(), null, locale(), request.getRequestURI()), headers);
  }

  @ExceptionHandler(DataIntegrityViolationException.class)
  ResponseEntity<Object> handleIntegrity(
      DataIntegrityViolationException ex, HttpServletRequest request) {
    // The message may quote column values (personal data): log the class only.
    log.warn("data integrity violation on {}: {}", request.getRequestURI(), ex.getClass());
    return simple(ProblemType.CONFLICT, request);
  }

  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<Object> handleAccessDenied(AccessDeniedException ex, HttpServletRequest request) {
    return simple(ProblemType.FORBIDDEN, request);
  }

  @ExceptionHandler(ImplausibleDateParameters.ImplausibleDateParameter.class)
  ResponseEntity<Object> handleImplausibleDate(
      ImplausibleDateParameters.ImplausibleDateParameter ex, HttpServletRequest request) {
    String message =
        problems.message(
            "problem.field.implausible-date", ex.messageArguments(), locale(), "invalid date");
    return respond(
        validation(
            List.of(Map.of("field", ex.parameter(), "message", message)), request.getRequestURI()),
        new HttpHeaders());
  }

  /** A multipart request without a boundary, or a broken one, is the client's error. */
  @ExceptionHandler(MultipartException.class)
  ResponseEntity<Object> handleBadMultipart(MultipartException ex, HttpServletRequest request) {
    if (ex instanceof MaxUploadSizeExceededException tooBig) {
      return respond(
          tooLarge(tooBig.getMaxUploadSize(), request.getRequestURI()), new HttpHeaders());
    }
    return respond(
        problems.create(
            ProblemType.BAD_REQUEST,
            "problem.detail.bad-multipart",
            null,
            locale(),
            request.getRequestURI()),
        new HttpHeaders());
  }

  @ExceptionHandler(PayloadTooLargeException.class)
  ResponseEntity<Object> handleTooLarge(PayloadTooLargeException ex, HttpServletRequest request) {
    return respond(tooLarge(ex.limitBytes(), request.getRequestURI()), new HttpHeaders());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> handleUnexpected(Exception ex, HttpServletRequest request) {
    if (DatabaseAway.causedThe(ex)) {
      // e.g. the rollback after a connection lost mid-transaction: nothing was written
      return databaseUnavailable(ex, request);
    }
    log.error("unexpected error on {} {}", request.getMethod(), request.getRequestURI(), ex);
    ProblemDetail problem =
        problems.create(
            ProblemType.INTERNAL,
            ProblemType.INTERNAL.detailKey(),
            new Object[] {problems.traceId().orElse("-")},
            locale(),
            request.getRequestURI());
    return respond(problem, new HttpHeaders());
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<Map<String, String>> errors = new ArrayList<>();
    for (FieldError error : ex.getBindingResult().getFieldErrors()) {
      errors.add(
          Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())));
    }
    ex.getBindingResult()
        .getGlobalErrors()
        .forEach(
            e ->
                errors.add(
                    Map.of("field", e.getObjectName(), "message", "" + e.getDefaultMessage())));
    return respond(validation(errors, path(request)), headers);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<Map<String, String>> errors = new ArrayList<>();
    for (ParameterValidationResult result : ex.getParameterValidationResults()) {
      String name = result.getMethodParameter().getParameterName();
      result
          .getResolvableErrors()
          .forEach(
              e ->
                  errors.add(
                      Map.of(
                          "field",
                          String.valueOf(name),
                          "message",
                          String.valueOf(e.getDefaultMessage()))));
    }
    return respond(validation(errors, path(request)), headers);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    String path = path(request);
    Throwable cause = ex.getCause();
    while (cause != null) {
      if (cause instanceof PayloadTooLargeException tooLarge) {
        return respond(tooLarge(tooLarge.limitBytes(), path), headers);
      }
      if (cause instanceof UnrecognizedPropertyException unknown) {
        return respond(
            problems.create(
                ProblemType.UNKNOWN_PROPERTY,
                ProblemType.UNKNOWN_PROPERTY.detailKey(),
                new Object[] {unknown.getPropertyName()},
                locale(),
                path),
            headers,
            Map.of("field", jsonPath(unknown)));
      }
      if (cause instanceof InputHygieneModule.UnsafeValueException unsafe) {
        String field = jsonPath(unsafe);
        String message =
            problems.message(
                unsafe.messageKey(), unsafe.messageArguments(), locale(), "invalid value");
        return respond(
            validation(List.of(Map.of("field", field, "message", message)), path), headers);
      }
      if (cause instanceof InvalidFormatException
          || (cause instanceof MismatchedInputException
              && !jsonPath((JacksonException) cause).isEmpty())) {
        String field = jsonPath((JacksonException) cause);
        return respond(
            problems.create(
                ProblemType.TYPE_MISMATCH,
                ProblemType.TYPE_MISMATCH.detailKey(),
                new Object[] {field},
                locale(),
                path),
            headers,
            Map.of("field", field));
      }
      cause = cause.getCause() == cause ? null : cause.getCause();
    }
    return respond(
        problems.create(
            ProblemType.MALFORMED_JSON,
            ProblemType.MALFORMED_JSON.detailKey(),
            null,
            locale(),
            path),
        headers);
  }

  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception ex, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ProblemType type = ProblemType.forStatus(status.value());
    String detailKey = type.detailKey();
    Object[] args = null;
    if (ex instanceof HttpRequestMethodNotSupportedException e) {
      type = ProblemType.METHOD_NOT_ALLOWED;
      detailKey = type.detailKey();
      args = new Object[] {e.getMethod()};
    } else if (ex instanceof HttpMediaTypeNotSupportedException e) {
      type = ProblemType.UNSUPPORTED_MEDIA_TYPE;
      detailKey = type.detailKey();
      args = new Object[] {String.valueOf(e.getContentType())};
    } else if (ex instanceof HttpMediaTypeNotAcceptableException) {
      type = ProblemType.NOT_ACCEPTABLE;
      detailKey = type.detailKey();
    } else if (ex instanceof NoResourceFoundException || ex instanceof NoHandlerFoundException) {
      type = ProblemType.NOT_FOUND;
      detailKey = "problem.detail.no-route";
      args = new Object[] {path(request)};
    } else if (ex instanceof MissingServletRequestParameterException e) {
      type = ProblemType.MISSING_PARAMETER;
      detailKey = type.detailKey();
      args = new Object[] {e.getParameterName()};
    } else if (ex instanceof MissingRequestHeaderException e) {
      type = ProblemType.MISSING_PARAMETER;
      detailKey = type.detailKey();
      args = new Object[] {e.getHeaderName()};
    } else if (ex instanceof MissingPathVariableException e) {
      type = ProblemType.MISSING_PARAMETER;
      detailKey = type.detailKey();
      args = new Object[] {e.getVariableName()};
    } else if (ex instanceof org.springframework.beans.TypeMismatchException e) {
      type = ProblemType.TYPE_MISMATCH;
      detailKey = type.detailKey();
      args = new Object[] {e.getPropertyName()};
    } else if (ex instanceof MaxUploadSizeExceededException e) {
      return respond(tooLarge(e.getMaxUploadSize(), path(request)), headers);
    }
    ProblemDetail problem = problems.create(type, detailKey, args, locale(), path(request));
    if (status.value() != problem.getStatus()) {
      problem.setStatus(status.value());
    }
    return respond(problem, headers);
  }

  private ResponseEntity<Object> simple(ProblemType type, HttpServletRequest request) {
    return respond(
        problems.create(type, type.detailKey(), null, locale(), request.getRequestURI()),
        new HttpHeaders());
  }

  private ProblemDetail validation(List<Map<String, String>> errors, String path) {
    ProblemDetail problem =
        problems.create(
            ProblemType.VALIDATION,
            ProblemType.VALIDATION.detailKey(),
            new Object[] {errors.size()},
            locale(),
            path);
    problem.setProperty("errors", errors);
    return problem;
  }

  private ProblemDetail tooLarge(long limit, String path) {
    return problems.create(
        ProblemType.PAYLOAD_TOO_LARGE,
        ProblemType.PAYLOAD_TOO_LARGE.detailKey(),
        new Object[] {String.valueOf(limit)},
        locale(),
        path);
  }

  private ResponseEntity<Object> respond(
      ProblemDetail problem, HttpHeaders headers, Map<String, Object> extra) {
    extra.forEach(problem::setProperty);
    return respond(problem, headers);
  }

  private ResponseEntity<Object> respond(ProblemDetail problem, HttpHeaders headers) {
    HttpHeaders out = new HttpHeaders();
    out.addAll(headers);
    out.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    return ResponseEntity.status(problem.getStatus()).headers(out).body(problem);
  }

  private static Locale locale() {
    return LocaleContextHolder.getLocale();
  }

  private static String path(WebRequest request) {
    return request instanceof ServletWebRequest servlet
        ? servlet.getRequest().getRequestURI()
        : null;
  }

  private static String lastNode(String propertyPath) {
    int dot = propertyPath.lastIndexOf('.');
    return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
  }

  private static String jsonPath(JacksonException ex) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference ref : ex.getPath()) {
      if (ref.getPropertyName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }
}
