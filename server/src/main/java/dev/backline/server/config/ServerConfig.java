package dev.backline.server.config;

import dev.backline.server.account.AccountsConfig;
import dev.backline.server.admin.AdminConfig;
import dev.backline.server.http.HttpConfig;
import dev.backline.server.play.PlayConfig;
import java.util.Objects;

/**
 * What {@code BacklineServer} needs: the listener, accounts, the {@code /play} limits and the admin token.
 *
 * <pre>{@code ServerConfig config = ServerConfig.defaults().withHttp(HttpConfig.defaults().withPort(0));}</pre>
 */
public record ServerConfig(HttpConfig http, AccountsConfig accounts, PlayConfig play, AdminConfig admin) {
    public ServerConfig {
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(play, "play");
        Objects.requireNonNull(admin, "admin");
    }

    public static ServerConfig defaults() {
        return new ServerConfig(HttpConfig.defaults(), AccountsConfig.defaults(), PlayConfig.defaults(), AdminConfig.defaults());
    }

    public ServerConfig withHttp(HttpConfig h) {
        return new ServerConfig(h, accounts, play, admin);
    }

    public ServerConfig withAccounts(AccountsConfig a) {
        return new ServerConfig(http, a, play, admin);
    }

    public ServerConfig withPlay(PlayConfig p) {
        return new ServerConfig(http, accounts, p, admin);
    }

    public ServerConfig withAdmin(AdminConfig a) {
        return new ServerConfig(http, accounts, play, a);
    }
}
