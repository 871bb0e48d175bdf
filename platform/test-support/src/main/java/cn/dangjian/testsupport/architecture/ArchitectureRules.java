package cn.dangjian.testsupport.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The boundaries every service keeps, as one check its tests call: {@code
 * ArchitectureRules.verify("cn.dangjian.assessment")}. Feature packages ({@code
 * cn.dangjian.<service>.<feature>..}) form no cycles; controllers hold no SQL; only stores (names
 * ending in {@code Store}, {@code Repository} or {@code Queries}) use Spring's JDBC templates;
 * plain rules classes ({@code *Rules}) know no Spring; Swagger annotations sit on web types only.
 *
 * <p>Types are referred to by name so the fixture itself needs neither Spring nor Swagger.
 */
public final class ArchitectureRules {

  /** Spring's JDBC entry points: SQL belongs where one of these is used. */
  static final Set<String> JDBC_TEMPLATES =
      Set.of(
          "org.springframework.jdbc.core.JdbcTemplate",
          "org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate",
          "org.springframework.jdbc.core.simple.JdbcClient");

  static final Set<String> ENTITY_MANAGERS =
      Set.of("jakarta.persistence.EntityManager", "javax.persistence.EntityManager");

  static final List<String> STORE_SUFFIXES = List.of("Store", "Repository", "Queries");

  /** Records and holders of records a controller reads or answers with. */
  static final List<String> WEB_TYPE_SUFFIXES =
      List.of("Request", "Response", "View", "Page", "Requests", "Views");

  static final String CONTROLLER = "org.springframework.stereotype.Controller";
  static final String CONFIGURATION = "org.springframework.context.annotation.Configuration";
  static final String SWAGGER_ANNOTATIONS = "io.swagger.v3.oas.annotations";

  private ArchitectureRules() {}

  /**
   * Checks a service's main classes (tests and jars excluded) against every rule; one {@link
   * AssertionError} lists all violations.
   *
   * @param basePackage the service's root package, e.g. {@code cn.dangjian.assessment}
   * @param jdbcConfiguration fully-qualified names of {@code @Configuration} classes that may use a
   *     JDBC template although they are not stores (e.g. one that builds a second template); each
   *     must be named here, nothing is allowed by pattern. Keep it empty where possible.
   */
  public static void verify(String basePackage, String... jdbcConfiguration) {
    check(mainClasses(basePackage), basePackage, jdbcConfiguration);
  }

  /** The production classes under a package: no test classes, nothing from jars. */
  public static JavaClasses mainClasses(String basePackage) {
    return new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
        .importPackages(basePackage);
  }

  /** Checks the given classes against every rule; fails with all violations at once. */
  public static void check(JavaClasses classes, String basePackage, String... jdbcConfiguration) {
    if (classes.isEmpty()) {
      // a mistyped package would otherwise pass every rule
      throw new AssertionError("No classes found under " + basePackage + " to check");
    }
    checkAllowList(classes, jdbcConfiguration);
    // one report per broken rule, each under its own name
    List<String> reports = new ArrayList<>();
    for (ArchRule rule : rules(basePackage, jdbcConfiguration)) {
      EvaluationResult result = rule.evaluate(classes);
      if (result.hasViolation()) {
        reports.add(result.getFailureReport().toString());
      }
    }
    if (!reports.isEmpty()) {
      throw new AssertionError(
          reports.size()
              + " architecture rule(s) of "
              + basePackage
              + " violated:\n\n"
              + String.join("\n\n", reports));
    }
  }

  /** Every rule, in the order they are reported. */
  public static List<ArchRule> rules(String basePackage, String... jdbcConfiguration) {
    return List.of(
        noCyclesBetweenFeatures(basePackage),
        controllersHoldNoSql(),
        jdbcOnlyInStores(jdbcConfiguration),
        rulesArePlain(),
        swaggerOnlyOnWebTypes(),
        noSwaggerInServices());
  }

  /** Feature packages ({@code <base>.<feature>..}) depend on each other without cycles. */
  public static ArchRule noCyclesBetweenFeatures(String basePackage) {
    return slices()
        .matching(basePackage + ".(*)..")
        .namingSlices("feature '$1'")
        .should()
        .beFreeOfCycles()
        .as("Feature packages of " + basePackage + " depend on each other without cycles")
        .because(
            "a cycle makes two features one; let one side publish an event or move the shared"
                + " type to the feature that owns it")
        .allowEmptyShould(true);
  }

  /** Controllers (and types nested in them) reach the database only through a service. */
  public static ArchRule controllersHoldNoSql() {
    return noClasses()
        .that(partOfController())
        .should()
        .dependOnClassesThat(
            named(JDBC_TEMPLATES)
                .or(named(ENTITY_MANAGERS))
                .or(inPackage("java.sql"))
                .or(inPackage("javax.sql")))
        .as(
            "Controllers do not use JdbcTemplate, NamedParameterJdbcTemplate, JdbcClient,"
                + " EntityManager or java.sql")
        .because("SQL belongs in a *Store the controller's service calls")
        .allowEmptyShould(true);
  }

  /**
   * JDBC templates are used by stores only: classes (or their nested types) whose top-level name
   * ends in Store, Repository or Queries, plus the named configuration classes.
   */
  public static ArchRule jdbcOnlyInStores(String... jdbcConfiguration) {
    Set<String> allowed = Set.of(jdbcConfiguration);
    DescribedPredicate<JavaClass> storeOrAllowed =
        DescribedPredicate.describe(
            "stores " + STORE_SUFFIXES + (allowed.isEmpty() ? "" : " or " + allowed),
            c -> isStore(c) || allowed.contains(topLevel(c).getName()));
    return noClasses()
        .that(DescribedPredicate.not(storeOrAllowed))
        .should()
        .dependOnClassesThat(named(JDBC_TEMPLATES))
        .as(
            "Only classes named *Store, *Repository or *Queries use JdbcTemplate,"
                + " NamedParameterJdbcTemplate or JdbcClient")
        .because("services decide and stores hold the SQL and the row mapping")
        .allowEmptyShould(true);
  }

  /** {@code *Rules} classes are plain Java: no Spring, so they are unit-tested without it. */
  public static ArchRule rulesArePlain() {
    return noClasses()
        .that(DescribedPredicate.describe("are *Rules (or nested in one)", c -> isRules(c)))
        .should()
        .dependOnClassesThat(inPackage("org.springframework"))
        .as("Classes named *Rules depend on nothing in org.springframework..")
        .because("business rules are plain functions, tested without a context")
        .allowEmptyShould(true);
  }

  /**
   * Swagger/OpenAPI annotations are on web types only: controllers, classes named *Request,
   * *Response, *View, *Page, *Requests or *Views, and types nested in either.
   */
  public static ArchRule swaggerOnlyOnWebTypes() {
    return classes()
        .that(DescribedPredicate.not(webType()))
        .should(notCarrySwaggerAnnotations())
        .as(
            "Swagger annotations appear only on controllers and on *Request/*Response/*View/*Page"
                + "/*Requests/*Views types (or types nested in them)")
        .because("the API's documentation lives next to the controller, not in the domain")
        .allowEmptyShould(true);
  }

  /** Not even a nested *View of a service carries Swagger: services are no web types. */
  public static ArchRule noSwaggerInServices() {
    return classes()
        .that(
            DescribedPredicate.describe(
                "are *Service (or nested in one)",
                c -> topLevel(c).getSimpleName().endsWith("Service")))
        .should(notCarrySwaggerAnnotations())
        .as("No *Service (nor a type nested in one) carries Swagger annotations")
        .because("API views move next to the controller; services return them, never declare them")
        .allowEmptyShould(true);
  }

  /** Annotations on the class, its fields, methods, constructors and their parameters. */
  static ArchCondition<JavaClass> notCarrySwaggerAnnotations() {
    return new ArchCondition<>("not carry Swagger annotations") {
      @Override
      public void check(JavaClass c, ConditionEvents events) {
        List<String> sites = new ArrayList<>();
        swagger(c.getAnnotations(), c.getName(), sites);
        for (JavaField f : c.getFields()) {
          swagger(f.getAnnotations(), f.getFullName(), sites);
        }
        for (JavaCodeUnit u : c.getCodeUnits()) {
          swagger(u.getAnnotations(), u.getFullName(), sites);
          for (JavaParameter p : u.getParameters()) {
            swagger(
                p.getAnnotations(), "parameter " + p.getIndex() + " of " + u.getFullName(), sites);
          }
        }
        for (String site : sites) {
          events.add(SimpleConditionEvent.violated(c, site));
        }
      }
    };
  }

  private static void swagger(
      Set<? extends JavaAnnotation<?>> annotations, String where, List<String> sites) {
    for (JavaAnnotation<?> a : annotations) {
      if (a.getRawType().getPackageName().startsWith(SWAGGER_ANNOTATIONS)) {
        sites.add(where + " is annotated with @" + a.getRawType().getName());
      }
    }
  }

  // --- predicates

  static boolean isStore(JavaClass c) {
    String name = topLevel(c).getSimpleName();
    return STORE_SUFFIXES.stream().anyMatch(name::endsWith);
  }

  static boolean isRules(JavaClass c) {
    return topLevel(c).getSimpleName().endsWith("Rules");
  }

  /** A controller, a type whose name says it is a web type, or a type nested in either. */
  static DescribedPredicate<JavaClass> webType() {
    Predicate<JavaClass> self =
        c ->
            c.isMetaAnnotatedWith(CONTROLLER)
                || WEB_TYPE_SUFFIXES.stream().anyMatch(c.getSimpleName()::endsWith);
    return DescribedPredicate.describe(
        "are web types (controllers, *Request, *Response, *View, *Page, *Requests, *Views or"
            + " nested in one)",
        c -> selfOrEnclosing(c).stream().anyMatch(self));
  }

  static DescribedPredicate<JavaClass> partOfController() {
    return DescribedPredicate.describe(
        "are controllers (or nested in one)",
        c -> selfOrEnclosing(c).stream().anyMatch(x -> x.isMetaAnnotatedWith(CONTROLLER)));
  }

  private static DescribedPredicate<JavaClass> named(Set<String> names) {
    return DescribedPredicate.describe(
        "are any of " + names.stream().sorted().collect(Collectors.joining(", ")),
        c -> names.contains(c.getName()));
  }

  private static DescribedPredicate<JavaClass> inPackage(String prefix) {
    String dotted = prefix.endsWith("..") ? prefix.substring(0, prefix.length() - 2) : prefix;
    return DescribedPredicate.describe(
        "reside in " + dotted + "..",
        c -> c.getPackageName().equals(dotted) || c.getPackageName().startsWith(dotted + "."));
  }

  private static List<JavaClass> selfOrEnclosing(JavaClass c) {
    List<JavaClass> chain = new ArrayList<>();
    Optional<JavaClass> current = Optional.of(c);
    while (current.isPresent()) {
      chain.add(current.get());
      current = current.get().getEnclosingClass();
    }
    return chain;
  }

  private static JavaClass topLevel(JavaClass c) {
    List<JavaClass> chain = selfOrEnclosing(c);
    return chain.get(chain.size() - 1);
  }

  /** An allow-listed name must exist and be a {@code @Configuration}: no blanket exemptions. */
  private static void checkAllowList(JavaClasses classes, String... jdbcConfiguration) {
    for (String name : jdbcConfiguration) {
      JavaClass c =
          classes.stream()
              .filter(x -> x.getName().equals(name))
              .findFirst()
              .orElseThrow(
                  () -> new AssertionError("JDBC allow-list names a missing class: " + name));
      if (!c.isMetaAnnotatedWith(CONFIGURATION)) {
        throw new AssertionError("JDBC allow-list is for @Configuration classes only, not " + name);
      }
    }
  }
}
