package dev.backline.persist.postgres;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;

/** A list of longs as a PostgreSQL {@code bigint[]} parameter (write only). */
public final class LongListTypeHandler extends BaseTypeHandler<List<Long>> {
    @Override
    public void setNonNullParameter(PreparedStatement ps, int i, List<Long> values, JdbcType jdbcType) throws SQLException {
        ps.setArray(i, ps.getConnection().createArrayOf("bigint", values.toArray()));
    }

    @Override
    public List<Long> getNullableResult(ResultSet rs, String column) {
        throw new UnsupportedOperationException("bigint[] columns are not read");
    }

    @Override
    public List<Long> getNullableResult(ResultSet rs, int index) {
        throw new UnsupportedOperationException("bigint[] columns are not read");
    }

    @Override
    public List<Long> getNullableResult(CallableStatement cs, int index) {
        throw new UnsupportedOperationException("bigint[] columns are not read");
    }
}
