package cn.dangjian.bench.platform;

import cn.dangjian.bench.province.GeneratedProvince;
import cn.dangjian.bench.province.GeneratorSettings;
import cn.dangjian.bench.province.SampleBranch;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * What the load needs to know about the data: the province root and a sample of branches with their
 * members (the callers are these branches' secretaries and members), and how it was made.
 */
record Fixture(String description, UUID provinceOrgId, List<Branch> branches) {

  record Branch(UUID orgId, List<UUID> memberIds) {}

  /** The generator's sample branches (two per county). */
  static Fixture of(GeneratedProvince province) {
    List<Branch> branches = new ArrayList<>();
    for (SampleBranch b : province.sampleBranches()) {
      if (!b.memberIds().isEmpty()) {
        branches.add(new Branch(b.orgId(), b.memberIds()));
      }
    }
    GeneratorSettings s = province.settings();
    return new Fixture(
        String.format(
            Locale.ROOT,
            "ProvinceGenerator: %,d members in %,d branches (seed %d, schemas %s)",
            s.members(),
            s.branches(),
            s.seed(),
            province.schemas().values()),
        province.provinceOrgId(),
        branches);
  }

  int memberCount() {
    return branches.stream().mapToInt(b -> b.memberIds().size()).sum();
  }
}
