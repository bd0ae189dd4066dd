-- The report taxonomy (PRODUCT.md §3-§4, reference/DOMAIN.md). Hazards are routed as alerts,
-- not as violations. SMS keywords are what a text message may use for the type.
insert into category (code, parent_code, facet, kind, label_id, label_en, sms_keywords, position) values
('NEUTRALITY', null, 'TYPE', 'VIOLATION', 'Netralitas ASN, TNI, Polri, kepala desa', 'Neutrality of civil servants, military, police, village heads', '{NETRAL,NETRALITAS,ASN}', 10),
('MONEY_POLITICS', null, 'TYPE', 'VIOLATION', 'Politik uang', 'Money politics', '{UANG,POLITIKUANG,AMPLOP,SUAP}', 20),
('CAMPAIGN', null, 'TYPE', 'VIOLATION', 'Pelanggaran kampanye', 'Campaign violation', '{KAMPANYE,APK}', 30),
('VOTER_LIST', null, 'TYPE', 'VIOLATION', 'Daftar pemilih', 'Voter list', '{DPT,PEMILIH,DAFTAR}', 40),
('INTIMIDATION', null, 'TYPE', 'VIOLATION', 'Intimidasi, kekerasan, SARA, hoaks', 'Intimidation, violence, SARA, hoax', '{INTIMIDASI,ANCAMAN,KEKERASAN,SARA,HOAKS}', 50),
('OFFICIAL_MISCONDUCT', null, 'TYPE', 'VIOLATION', 'Pelanggaran penyelenggara pemilu', 'Misconduct of election officials', '{PETUGAS,PENYELENGGARA,KPPS}', 60),
('VOTING_COUNTING', null, 'TYPE', 'VIOLATION', 'Pemungutan dan penghitungan suara', 'Voting and counting', '{SUARA,TPS,COBLOS,HITUNG}', 70),
('HAZARD_DISASTER', null, 'TYPE', 'HAZARD', 'Bencana (banjir, longsor, kebakaran, gempa)', 'Disaster (flood, landslide, fire, earthquake)', '{BENCANA,BANJIR,LONGSOR,KEBAKARAN,GEMPA}', 80),
('HAZARD_LOGISTICS', null, 'TYPE', 'HAZARD', 'Gangguan logistik pemilu', 'Election logistics failure', '{LOGISTIK,SURATSUARA}', 90),
('HAZARD_SECURITY', null, 'TYPE', 'HAZARD', 'Gangguan keamanan', 'Security threat', '{KEAMANAN,RUSUH,KONFLIK}', 100),
('OTHER', null, 'TYPE', 'OTHER', 'Lainnya', 'Other', '{LAIN,LAINNYA}', 110);

insert into category (code, parent_code, facet, kind, label_id, label_en, position) values
-- whose neutrality
('NEUTRALITY_ASN', 'NEUTRALITY', 'SUBTYPE', 'VIOLATION', 'Aparatur Sipil Negara (ASN)', 'Civil servant (ASN)', 1),
('NEUTRALITY_TNI', 'NEUTRALITY', 'SUBTYPE', 'VIOLATION', 'Anggota TNI', 'Member of the armed forces (TNI)', 2),
('NEUTRALITY_POLRI', 'NEUTRALITY', 'SUBTYPE', 'VIOLATION', 'Anggota Polri', 'Member of the police (Polri)', 3),
('NEUTRALITY_VILLAGE', 'NEUTRALITY', 'SUBTYPE', 'VIOLATION', 'Kepala desa, perangkat desa atau BPD', 'Village head, village official or village council', 4),
-- the neutrality acts of the joint decree (SKB) of 22 September 2022, Lampiran II
('ACT_PROPS', 'NEUTRALITY', 'ACT', 'VIOLATION', 'Memasang spanduk, baliho atau alat peraga kampanye', 'Putting up banners, billboards or campaign props', 1),
('ACT_ONLINE_CAMPAIGN', 'NEUTRALITY', 'ACT', 'VIOLATION', 'Berkampanye atau sosialisasi calon di media sosial', 'Campaigning for a candidate on social media', 2),
('ACT_APPROACH_PARTY', 'NEUTRALITY', 'ACT', 'VIOLATION', 'Mendekati partai politik sebagai bakal calon', 'Approaching parties as a prospective candidate', 3),
('ACT_DECLARATION', 'NEUTRALITY', 'ACT', 'VIOLATION', 'Menghadiri deklarasi atau kampanye calon', 'Attending a candidate''s declaration or campaign', 4),
('ACT_PARTY_MEMBER', 'NEUTRALITY', 'ACT', 'VIOLATION', 'Menjadi anggota atau pengurus partai politik', 'Being a party member or official', 5),
('ACT_SOCIAL_MEDIA', 'NEUTRALITY', 'ACT', 'VIOLATION', 'Mengunggah, mengomentari, membagikan, menyukai atau mengikuti akun kampanye', 'Posting, commenting, sharing, liking or following campaign accounts', 6),
('ACT_PHOTO', 'NEUTRALITY', 'ACT', 'VIOLATION', 'Berfoto bersama calon, tim kampanye atau atribut partai', 'Posing in photos with candidates, campaign teams or party symbols', 7),
('ACT_CAMPAIGN_ACTIVITY', 'NEUTRALITY', 'ACT', 'VIOLATION', 'Ikut serta dalam kegiatan kampanye', 'Taking part in campaign activities', 8),
('ACT_SPOUSE_CAMPAIGN', 'NEUTRALITY', 'ACT', 'VIOLATION', 'Menghadiri kampanye pasangan tanpa cuti di luar tanggungan negara', 'Attending a spouse''s campaign without unpaid leave', 9),
('ACT_PARTISAN_EVENT', 'NEUTRALITY', 'ACT', 'VIOLATION', 'Mengadakan pertemuan, ajakan atau pemberian barang yang berpihak', 'Holding partisan meetings, appeals or gifts', 10),
('ACT_CAMPAIGN_TEAM', 'NEUTRALITY', 'ACT', 'VIOLATION', 'Menjadi tim kampanye, tim ahli atau konsultan calon', 'Serving on a campaign team or as a candidate''s adviser', 11),
('ACT_KTP_SUPPORT', 'NEUTRALITY', 'ACT', 'VIOLATION', 'Memberikan surat dukungan atau fotokopi KTP untuk calon', 'Giving a letter of support or a KTP copy to a candidate', 12),
('ACT_FAVOURING_DECISION', 'NEUTRALITY', 'ACT', 'VIOLATION', 'Membuat keputusan atau tindakan yang menguntungkan atau merugikan calon', 'Decisions or actions favouring or harming a candidate', 13),
('ACT_STATE_FACILITIES', 'NEUTRALITY', 'ACT', 'VIOLATION', 'Menggunakan fasilitas negara untuk kampanye', 'Using state facilities for a campaign', 14),
-- money politics
('MONEY_CASH', 'MONEY_POLITICS', 'SUBTYPE', 'VIOLATION', 'Pembagian uang', 'Handing out cash', 1),
('MONEY_GOODS', 'MONEY_POLITICS', 'SUBTYPE', 'VIOLATION', 'Pembagian sembako atau barang', 'Handing out food or goods', 2),
('MONEY_VOTE_BUYING', 'MONEY_POLITICS', 'SUBTYPE', 'VIOLATION', 'Serangan fajar atau jual beli suara', 'Vote buying (dawn attack)', 3),
-- campaign
('CAMPAIGN_OUTSIDE_SCHEDULE', 'CAMPAIGN', 'SUBTYPE', 'VIOLATION', 'Kampanye di luar jadwal atau di masa tenang', 'Campaigning outside the schedule or in the quiet period', 1),
('CAMPAIGN_FORBIDDEN_PLACE', 'CAMPAIGN', 'SUBTYPE', 'VIOLATION', 'Kampanye di tempat ibadah, pendidikan atau pemerintahan', 'Campaigning in places of worship, schools or government buildings', 2),
('CAMPAIGN_PROPS', 'CAMPAIGN', 'SUBTYPE', 'VIOLATION', 'Alat peraga kampanye melanggar aturan', 'Campaign props breaking the rules', 3),
('CAMPAIGN_CHILDREN', 'CAMPAIGN', 'SUBTYPE', 'VIOLATION', 'Melibatkan anak dalam kampanye', 'Involving children in a campaign', 4),
-- voter list
('VOTER_MIGRANT_WORKER', 'VOTER_LIST', 'SUBTYPE', 'VIOLATION', 'Data pekerja migran di luar negeri dipakai orang lain', 'Entries of migrant workers abroad used by others', 1),
('VOTER_WRONG_DOMICILE', 'VOTER_LIST', 'SUBTYPE', 'VIOLATION', 'Terdaftar di tempat yang bukan domisilinya', 'Listed where they no longer live', 2),
('VOTER_DUPLICATE', 'VOTER_LIST', 'SUBTYPE', 'VIOLATION', 'Pemilih ganda', 'Duplicate entries', 3),
('VOTER_DECEASED', 'VOTER_LIST', 'SUBTYPE', 'VIOLATION', 'Pemilih sudah meninggal', 'Deceased voters', 4),
('VOTER_MINOR', 'VOTER_LIST', 'SUBTYPE', 'VIOLATION', 'Pemilih di bawah umur', 'Minors', 5),
('VOTER_TNI_POLRI', 'VOTER_LIST', 'SUBTYPE', 'VIOLATION', 'Anggota TNI/Polri terdaftar sebagai pemilih', 'Members of the TNI/Polri listed as voters', 6),
('VOTER_NOT_LISTED', 'VOTER_LIST', 'SUBTYPE', 'VIOLATION', 'Warga berhak pilih tidak terdaftar', 'Eligible citizens not listed', 7),
-- intimidation
('INTIMIDATION_THREAT', 'INTIMIDATION', 'SUBTYPE', 'VIOLATION', 'Intimidasi atau ancaman', 'Intimidation or threats', 1),
('INTIMIDATION_VIOLENCE', 'INTIMIDATION', 'SUBTYPE', 'VIOLATION', 'Kekerasan', 'Violence', 2),
('INTIMIDATION_SARA', 'INTIMIDATION', 'SUBTYPE', 'VIOLATION', 'Politisasi SARA', 'Ethnic, religious or racial incitement (SARA)', 3),
('INTIMIDATION_HOAX', 'INTIMIDATION', 'SUBTYPE', 'VIOLATION', 'Hoaks atau disinformasi', 'Hoax or disinformation', 4),
-- election officials
('OFFICIAL_PARTIALITY', 'OFFICIAL_MISCONDUCT', 'SUBTYPE', 'VIOLATION', 'Penyelenggara tidak netral', 'Officials taking sides', 1),
('OFFICIAL_PROCEDURE', 'OFFICIAL_MISCONDUCT', 'SUBTYPE', 'VIOLATION', 'Tidak sesuai prosedur', 'Not following procedure', 2),
('OFFICIAL_ETHICS', 'OFFICIAL_MISCONDUCT', 'SUBTYPE', 'VIOLATION', 'Pelanggaran kode etik', 'Breach of the code of ethics', 3),
-- voting and counting
('VOTING_MULTIPLE', 'VOTING_COUNTING', 'SUBTYPE', 'VIOLATION', 'Mencoblos lebih dari sekali', 'Voting more than once', 1),
('VOTING_BALLOTS', 'VOTING_COUNTING', 'SUBTYPE', 'VIOLATION', 'Surat suara sudah tercoblos atau dimanipulasi', 'Pre-marked or tampered ballots', 2),
('VOTING_COUNT_MANIPULATION', 'VOTING_COUNTING', 'SUBTYPE', 'VIOLATION', 'Penggelembungan atau pengurangan suara', 'Inflating or reducing vote counts', 3),
('VOTING_ACCESS', 'VOTING_COUNTING', 'SUBTYPE', 'VIOLATION', 'Pemilih dihalangi atau TPS tidak dapat diakses', 'Voters obstructed or polling station inaccessible', 4),
('VOTING_RESULTS_FORM', 'VOTING_COUNTING', 'SUBTYPE', 'VIOLATION', 'Formulir hasil (C.Hasil) tidak sesuai', 'Results form (C.Hasil) incorrect', 5),
-- hazards
('DISASTER_FLOOD', 'HAZARD_DISASTER', 'SUBTYPE', 'HAZARD', 'Banjir', 'Flood', 1),
('DISASTER_LANDSLIDE', 'HAZARD_DISASTER', 'SUBTYPE', 'HAZARD', 'Tanah longsor', 'Landslide', 2),
('DISASTER_FIRE', 'HAZARD_DISASTER', 'SUBTYPE', 'HAZARD', 'Kebakaran', 'Fire', 3),
('DISASTER_EARTHQUAKE', 'HAZARD_DISASTER', 'SUBTYPE', 'HAZARD', 'Gempa bumi', 'Earthquake', 4),
('LOGISTICS_SHORTAGE', 'HAZARD_LOGISTICS', 'SUBTYPE', 'HAZARD', 'Surat suara atau logistik kurang', 'Ballots or supplies short', 1),
('LOGISTICS_DAMAGED', 'HAZARD_LOGISTICS', 'SUBTYPE', 'HAZARD', 'Logistik rusak', 'Supplies damaged', 2),
('LOGISTICS_LATE', 'HAZARD_LOGISTICS', 'SUBTYPE', 'HAZARD', 'Logistik terlambat', 'Supplies late', 3),
('SECURITY_UNREST', 'HAZARD_SECURITY', 'SUBTYPE', 'HAZARD', 'Kerusuhan atau bentrokan', 'Unrest or clashes', 1),
('SECURITY_THREAT', 'HAZARD_SECURITY', 'SUBTYPE', 'HAZARD', 'Ancaman terhadap petugas atau TPS', 'Threats against officials or polling stations', 2);
