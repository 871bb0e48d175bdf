package cn.dangjian.member.structure;

import cn.dangjian.member.org.OrgService;
import cn.dangjian.platform.scope.DataScopeResolver;
import cn.dangjian.platform.security.CurrentCaller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "党组织 Organisations")
class StructureController {

  private final OrgService orgs;
  private final OrgStructureService structure;
  private final CurrentCaller caller;
  private final DataScopeResolver scopes;

  StructureController(
      OrgService orgs,
      OrgStructureService structure,
      CurrentCaller caller,
      DataScopeResolver scopes) {
    this.orgs = orgs;
    this.structure = structure;
    this.caller = caller;
    this.scopes = scopes;
  }

  @GetMapping("/api/orgs/{id}/structure")
  @Operation(
      operationId = "checkOrgStructure",
      summary = "组织设置检查 (structural check)",
      description =
          "按《支部工作条例》检查：正式党员不足3人、满7人应设支委会、超过50人等（均为提示，不阻止操作）。"
              + " Warnings per the branch regulations; never refusals.")
  OrgStructureService.Structure structure(@PathVariable UUID id) {
    return structure.current(orgs.get(id, scopes.resolve(caller.get())));
  }
}
