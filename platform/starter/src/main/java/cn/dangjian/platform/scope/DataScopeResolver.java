package cn.dangjian.platform.scope;

import cn.dangjian.platform.security.Caller;

/**
 * The one way a service learns what a caller may see: the token's {@code org_id} turned into the
 * subtree ({@link DataScope}: nothing, the caller's own record, or an org path prefix). Services
 * that keep the member projection get {@link ProjectionDataScopeResolver}; member-service, which
 * owns the tree, resolves from its own table. Controllers and services depend on this interface.
 */
public interface DataScopeResolver {

  DataScope resolve(Caller caller);
}
