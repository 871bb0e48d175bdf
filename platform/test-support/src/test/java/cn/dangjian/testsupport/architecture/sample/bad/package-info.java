/**
 * Planted violations, one per rule, for ArchitectureRulesTest: every class here breaks exactly the
 * rule its name and comment say.
 */
package cn.dangjian.testsupport.architecture.sample.bad;
