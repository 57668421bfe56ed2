"""The app factory: one AsyncApp with every listener, for HTTP and Socket Mode alike."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp
from slack_bolt.oauth.async_oauth_settings import AsyncOAuthSettings
from slack_sdk.oauth.installation_store.sqlalchemy import AsyncSQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import AsyncSQLAlchemyOAuthStateStore

from bot.service import DigestService, make_client
from config.settings import Settings, SettingsError
from handlers import register_all

INSTALL_PATH = "/slack/install"
REDIRECT_PATH = "/slack/oauth_redirect"
OAUTH_STATE_SECONDS = 600


def missing_settings(settings: Settings) -> list[str]:
    """Why these settings cannot run the app, each naming the environment variables."""
    problems: list[str] = []
    if bool(settings.slack_client_id) != bool(settings.slack_client_secret):
        have, lack = (
            ("SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET")
            if settings.slack_client_id
            else ("SLACK_CLIENT_SECRET", "SLACK_CLIENT_ID")
        )
        problems.append(f"{have} is set but {lack} is not (OAuth needs both)")
    if not settings.slack_bot_token and not settings.oauth_enabled:
        problems.append(
            "set SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET "
            "(installable app)"
        )
    if not settings.socket_mode and not settings.slack_signing_secret:
        problems.append(
            "set SLACK_SIGNING_SECRET (HTTP mode verifies every request), "
            "or SLACK_APP_TOKEN for Socket Mode"
        )
    if settings.socket_mode and settings.oauth_enabled and not settings.slack_bot_token:
        problems.append("Socket Mode needs SLACK_BOT_TOKEN alongside SLACK_APP_TOKEN")
    return problems


def oauth_settings(settings: Settings, service: DigestService) -> AsyncOAuthSettings:
    engine = service.store.engine
    assert settings.slack_client_id and settings.slack_client_secret
    return AsyncOAuthSettings(
        client_id=settings.slack_client_id,
        client_secret=settings.slack_client_secret,
        scopes=list(settings.slack_scopes),
        install_path=INSTALL_PATH,
        redirect_uri_path=REDIRECT_PATH,
        installation_store=AsyncSQLAlchemyInstallationStore(
            client_id=settings.slack_client_id, engine=engine
        ),
        state_store=AsyncSQLAlchemyOAuthStateStore(
            expiration_seconds=OAUTH_STATE_SECONDS, engine=engine
        ),
    )


def create_app(settings: Settings, service: DigestService) -> AsyncApp:
    """An AsyncApp whose Web API client talks to ``settings.slack_api_url``.

    Raises SettingsError (naming the variables) when the tokens cannot run an app.
    """
    problems = missing_settings(settings)
    if problems:
        raise SettingsError("Slack is not configured: " + "; ".join(problems) + ".")
    use_oauth = settings.oauth_enabled and not settings.socket_mode
    # Socket Mode has no HTTP endpoint to verify; HTTP mode always verifies signatures.
    verify = not settings.socket_mode or bool(settings.slack_signing_secret)
    app = AsyncApp(
        client=make_client(
            settings, None if use_oauth else settings.slack_bot_token, service.slack_http()
        ),
        signing_secret=settings.slack_signing_secret or "",
        oauth_settings=oauth_settings(settings, service) if use_oauth else None,
        request_verification_enabled=verify,
        # Listeners only ack and hand work to DigestService tasks, so running them before
        # answering costs microseconds and means the work is queued once Slack has its ack.
        process_before_response=True,
        name="newsdesk",
    )
    register_all(app, service)
    return app
