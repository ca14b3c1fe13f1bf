import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Wall clock (Beijing time as the browser shows it); duty logs are kept to the second. */
export function Clock() {
  const { i18n } = useTranslation();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(id);
  }, []);
  return (
    <time className="clock mono" dateTime={now.toISOString()}>
      {now.toLocaleString(i18n.language, { hour12: false, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })}
    </time>
  );
}
