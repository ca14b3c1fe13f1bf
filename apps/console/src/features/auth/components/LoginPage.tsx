import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@tanstack/react-query';
import { login } from '../api/login';
import { logoutReasonStore, startSession } from '../session';
import { useStore } from '../../../lib/store';
import { ErrorMessage, FieldError } from '../../../components/ErrorMessage';
import { LanguageSwitch } from '../../../components/LanguageSwitch';
import { primeAudio } from '../../intake/alarm/audio';
import { forgetUnsentWrites, unsentWritesStore } from '../../connection/unsentWrites';

export function LoginPage() {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const reason = useStore(logoutReasonStore);
  const unsent = useStore(unsentWritesStore);
  const mutation = useMutation({
    mutationFn: login,
    onSuccess: (answer) => {
      forgetUnsentWrites();
      startSession(answer);
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    // The click that signs in is the user gesture browsers require before an alarm may sound.
    primeAudio();
    mutation.mutate({ username: username.trim(), password });
  }

  return (
    <div className="login-screen">
      <form className="login-card" onSubmit={submit} data-testid="login-form" noValidate>
        <div className="login-brand">
          <span className="brand-mark" aria-hidden>◆</span>
          <div>
            <h1>{t('app.name')}</h1>
            <p className="muted">{t('login.subtitle')}</p>
          </div>
        </div>
        {reason && <div className="notice" data-testid="logout-reason">{t(reason === 'deactivated' ? 'login.deactivated' : 'login.expired')}</div>}
        {unsent.length > 0 && (
          <div className="notice notice-error" role="alert" data-testid="unsent-writes">
            {t('login.unsentWrites', { count: unsent.length })}
            <ul>
              {unsent.map((what, n) => (
                <li key={n}>{what}</li>
              ))}
            </ul>
          </div>
        )}
        <label className="field">
          <span>{t('login.username')}</span>
          <input name="username" autoComplete="username" autoFocus value={username} onChange={(e) => setUsername(e.target.value)} required />
          <FieldError error={mutation.error} path="username" />
        </label>
        <label className="field">
          <span>{t('login.password')}</span>
          <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
          <FieldError error={mutation.error} path="password" />
        </label>
        <ErrorMessage error={mutation.error} testId="login-error" />
        <button type="submit" className="btn btn-primary btn-block" disabled={mutation.isPending}>
          {mutation.isPending ? t('login.signingIn') : t('login.submit')}
        </button>
        <div className="login-footer">
          <LanguageSwitch />
        </div>
      </form>
    </div>
  );
}
